#!/usr/bin/env node
// The repeat-mistake benchmark (bench/repeat-mistakes/README.md): replays every scenario's agent
// sessions through the real built `elf hook` process, on a fresh copy of a database that holds the
// hard relevance corpus as background knowledge, and scores ELF, an original-style selector and no
// memory on the same streams.
//   node tooling/scripts/src/repeat-mistakes.mjs [--slice N] [--json] [--out FILE] [--check FILE]
//        [--scenarios DIR] [--concurrency N] [--keep (the work folder, with records.jsonl: every answer)]
//        [--bin <another build's apps/cli/dist/bin.js> (compare builds on the same corpus)]
// Needs a build (npm run build). Children run without NODE_EXTRA_CA_CERTS (it only slows them).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadO200kCounter } from '@elf/context';
import { Elf } from '@elf/core';
import { loadScenarios, runRepeatMistakes, sliceScenarios } from '@elf/profiling';
import { loadCorpus, seedCorpus } from '@elf/test-support/relevance-corpus';

const root = new URL('../../../', import.meta.url).pathname;
const fail = (message) => {
  process.stderr.write(`repeat-mistakes: ${message}\n`);
  process.exit(1);
};
let values;
try {
  ({ values } = parseArgs({
    options: {
      slice: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      check: { type: 'string' },
      scenarios: { type: 'string', default: join(root, 'bench/repeat-mistakes/scenarios') },
      concurrency: { type: 'string' },
      keep: { type: 'boolean', default: false },
      bin: { type: 'string', default: join(root, 'apps/cli/dist/bin.js') },
    },
  }));
} catch (error) {
  fail(error.message);
}
const count = (name) => {
  if (values[name] === undefined) return undefined;
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) fail(`--${name}: must be a whole number of at least 1 (got ${values[name]})`);
  return n;
};
const slice = count('slice');
const concurrency = count('concurrency');
let limits = null;
if (values.check) {
  try {
    limits = JSON.parse(readFileSync(resolve(values.check), 'utf8'));
  } catch (error) {
    fail(`--check: cannot read ${values.check}: ${error.message}`);
  }
}

// The day the simulated history starts: background items are up to ~120 days older, sessions
// follow one a day.
const start = new Date('2026-11-02T00:00:00.000Z');
const work = mkdtempSync(join(tmpdir(), 'elf-repeat-'));
const seedDatabase = join(work, 'seed.db');
const started = Date.now();
try {
  let scenarios;
  try {
    scenarios = loadScenarios(resolve(values.scenarios));
  } catch (error) {
    fail(error.message);
  }
  if (slice) scenarios = sliceScenarios(scenarios, slice);
  const tokenCounter = await loadO200kCounter();
  const background = loadCorpus('hard');
  const elf = await Elf.open({ path: seedDatabase, projectPath: null, clock: { now: () => start }, tokenCounter });
  try {
    await seedCorpus(elf, background, { now: start, force: true });
    // A database in daily use: every background rule was shown lately, so none decays or sleeps
    // during the replay and all of them stay in the way of the lessons.
    await elf.db.updateTable('heuristics').set({ last_used_at: start.toISOString() }).execute();
  } finally {
    await elf.close();
  }
  const env = { ...process.env, ELF_CACHE_DIR: join(work, 'cache') };
  delete env.NODE_EXTRA_CA_CERTS;
  const report = await runRepeatMistakes({
    scenarios,
    bin: resolve(values.bin),
    seedDatabase,
    dir: join(work, 'scenarios'),
    start,
    env,
    tokenCounter,
    ...(concurrency ? { concurrency } : {}),
    ...(values.keep
      ? { onScenario: (record) => appendFileSync(join(work, 'records.jsonl'), `${JSON.stringify(record)}\n`) }
      : {}),
    onProgress: (done, total) => {
      if (!values.json && process.stderr.isTTY) process.stderr.write(`\rscenarios ${done}/${total}`);
    },
  });
  if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
  const full = { ...report, background: background.items.length, seconds: Math.round((Date.now() - started) / 1000) };
  if (values.out) writeFileSync(resolve(values.out), `${JSON.stringify(full, null, 2)}\n`);
  const breaches = limits ? checkLimits(report, limits) : [];
  if (values.json) process.stdout.write(`${JSON.stringify({ ...full, breaches }, null, 2)}\n`);
  else process.stdout.write(render(full, breaches));
  if (breaches.length > 0) process.exitCode = 1;
} finally {
  if (values.keep) process.stderr.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}

/** Limits: { "<selector>": { "<score>": { "min"?: n, "max"?: n } } }; a score is a dotted path into the selector's scores. */
function checkLimits(report, limits) {
  const breaches = [];
  for (const [selector, scores] of Object.entries(limits)) {
    const s = report.selectors.find((x) => x.selector === selector);
    if (!s) fail(`--check: no selector ${selector}`);
    for (const [path, { min, max }] of Object.entries(scores)) {
      const value = path.split('.').reduce((v, key) => v?.[key], s);
      if (typeof value !== 'number') fail(`--check: ${selector} has no score ${path}`);
      if (min !== undefined && !(value >= min)) breaches.push(`${selector} ${path} ${value} < ${min}`);
      if (max !== undefined && !(value <= max)) breaches.push(`${selector} ${path} ${value} > ${max}`);
    }
  }
  return breaches;
}

function render(r, breaches) {
  const pct = (x) => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(1)} %`);
  const rows = r.selectors.map((s) =>
    [
      s.selector.padEnd(15),
      pct(s.lessonRecall).padStart(8),
      pct(s.firstMomentRecall).padStart(13),
      String(s.tokensPerSession.median).padStart(8),
      String(s.tokensPerSession.p95).padStart(8),
      pct(s.falseInjectionRate).padStart(9),
      pct(s.wrongLessonPersistence).padStart(11),
    ].join(' '),
  );
  const group = (g) =>
    Object.entries(g)
      .map(([k, v]) => `${k} ${v.recalled}/${v.sessions}`)
      .join(', ');
  const elf = r.selectors[0].counts;
  const misses = r.outcomes
    .filter((o) => o.role === 'recall' && !o.elf.lesson)
    .map((o) => `${o.scenario}#${o.session}`);
  const falses = r.outcomes
    .filter((o) => o.role === 'control' && o.elf.lesson)
    .map((o) => `${o.scenario}#${o.session}`);
  const persisted = r.outcomes
    .filter((o) => o.role === 'after' && o.elf.lesson)
    .map((o) => `${o.scenario}#${o.session}`);
  return [
    `repeat-mistake benchmark: ${r.scenarios} scenarios over ${r.domains.length} domains, ${r.sessions} sessions, ${r.processes} elf processes, ${r.background} background items (${r.seconds} s)`,
    `${'selector'.padEnd(15)} ${'recall'.padStart(8)} ${'first moment'.padStart(13)} ${'tok p50'.padStart(8)} ${'tok p95'.padStart(8)} ${'false inj'.padStart(9)} ${'wrong kept'.padStart(11)}`,
    ...rows,
    `elf: ${elf.recalled}/${elf.recallSessions} recall sessions, ${elf.firstMoment} in time; ${elf.falseInjections}/${elf.controlSessions} control sessions shown the lesson; ${elf.persisted}/${elf.afterSessions} sessions after a third violation still shown it (${elf.persistedFewerViolations}/${elf.afterFewerViolations} after a lesson blamed fewer times)`,
    `elf recall by variation: ${group(r.elfRecallBy.variation)}`,
    `elf recall by how it was learned: ${group(r.elfRecallBy.learnedBy)}`,
    `elf recall by domain: ${group(r.elfRecallBy.domain)}`,
    `lessons not captured as their kind: ${r.notCaptured.join(', ') || 'none'}`,
    `wrong lessons (violations, status before the after sessions): ${r.wrongLessons.map((w) => `${w.scenario} ${w.violations} ${w.status.join('/')}`).join('; ') || 'none'}`,
    `missed recall sessions: ${misses.join(', ') || 'none'}`,
    `false injections: ${falses.join(', ') || 'none'}`,
    `wrong lessons still shown: ${persisted.join(', ') || 'none'}`,
    ...(breaches.length ? [`LIMITS BREACHED: ${breaches.join('; ')}`] : []),
    '',
  ].join('\n');
}
