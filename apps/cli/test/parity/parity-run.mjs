// The output-parity harness: a fixed corpus of knowledge, `elf context` calls and whole Claude
// Code hook sessions, run through the BUILT bundles of one checkout (dist/elf.cjs, dist/hook.cjs)
// with a fixed clock. It returns everything an agent or a user would see (stdout, exit codes) and
// the knowledge the hooks wrote, with temp paths normalised, so two builds can be compared byte
// for byte. Plain JavaScript: it runs against an older checkout's build too.
//
//   node apps/cli/test/parity/parity-run.mjs <checkout root> <out.json>
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusUrl } from '@elf/test-support/relevance-corpus';
import { seedParityCorpus } from './parity-seed.mjs';
import { corpusSessions } from './parity-sessions.mjs';

// The knowledge and tasks: @elf/test-support's relevance corpus (362 items, 81 tasks).
export { corpusUrl };

const start = Date.parse('2026-11-26T12:00:00.000Z');

/** The clock every process step reads: moved forward by each step, never by the wall clock. */
function steppedClock() {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

function gitProject(dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return realpathSync(dir);
}

/** An Io for the bundles' runCli / runHookCli: captured output, a private ELF_HOME, the stepped clock. */
function io(cwd, home, clock, stdin = '') {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (text) => {
        out.stdout += text;
      },
      stderr: (text) => {
        out.stderr += text;
      },
      env: { ELF_HOME: join(home, '.elf'), HOME: home },
      cwd,
      homedir: home,
      isTTY: false,
      readStdin: async () => stdin,
      clock: { now: () => clock.now() },
    },
  };
}

/** Runs the whole corpus against `root`'s build and returns the normalised record of it. */
export async function runParity(root, corpus) {
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'elf-parity-')));
  try {
    const require = createRequire(join(root, 'apps/cli/package.json'));
    const cli = require(join(root, 'apps/cli/dist/elf.cjs'));
    const hook = require(join(root, 'apps/cli/dist/hook.cjs'));
    const home = join(work, 'home');
    const db = join(work, 'elf.db');
    const shop = gitProject(join(work, 'shop'));
    const billing = gitProject(join(work, 'billing'));
    const outside = join(work, 'outside');
    mkdirSync(join(shop, '.elf'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(
      join(shop, '.elf', 'context.md'),
      'The shop is a Node 20 monolith with a Postgres database. Deploys go out at 10:00 UTC from main.\n',
    );
    const clock = steppedClock();
    await seedParityCorpus(root, db, corpus, [shop, null, billing, null], clock, start);
    const seeded = await dumpKnowledge(root, db);
    clock.set(start);

    const steps = [];
    const elf = async (args, cwd = shop) => {
      clock.advance(60_000);
      const run = io(cwd, home, clock);
      const code = await cli.runCli(['--db', db, ...args], run.io);
      steps.push({ run: `elf ${args.join(' ')}`, cwd, code, ...run.out });
    };
    const hookEvent = async (payload, label) => {
      clock.advance(60_000);
      const stdin = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const run = io(shop, home, clock, stdin);
      const code = await hook.runHookCli(['--db', db, 'hook'], run.io);
      steps.push({ run: `hook ${label}`, code, ...run.out });
    };

    // A person records through the CLI: a repeat (reinforces its twin), a new rule, a failure.
    const firstRule = corpus.items.find((i) => i.kind === 'heuristic');
    await elf(['record', 'heuristic', '--domain', firstRule.domain, '--rule', firstRule.rule, '--global']);
    await elf([
      'record',
      'heuristic',
      '--domain',
      'database',
      '--rule',
      'Take a backup before any migration that rewrites a large table',
    ]);
    await elf([
      'record',
      'failure',
      '--title',
      'Checkout page timed out under load',
      '--domain',
      'performance',
      '--severity',
      'high',
      '--tags',
      'checkout,timeout',
    ]);

    // elf context over the tasks: budgets, depths, projects and formats varied.
    const budgets = ['400', '800', '2000', '1200'];
    const places = [shop, billing, outside];
    for (const [i, task] of corpus.tasks.entries()) {
      if (i % 2 === 1) continue;
      await elf(
        ['context', '--task', task.task, '--max-tokens', budgets[i % budgets.length]],
        places[i % places.length],
      );
    }
    const [t1, t2, t3, t4] = corpus.tasks;
    await elf(['context']);
    await elf(['context', '--task', t1.task, '--depth', 'deep', '--max-tokens', '3000']);
    await elf(['context', '--task', t2.task, '--depth', 'minimal']);
    await elf(['context', '--task', t3.task, '--domain', 'database', '--max-tokens', '600']);
    await elf(['context', '--task', t4.task, '--tags', 'jwt,session', '--max-tokens', '600']);
    await elf(['context', '--task', t1.task, '--format', 'json', '--explain', '--max-tokens', '500']);
    await elf(['context', '--task', t2.task, '--explain', '--max-tokens', '700'], billing);
    await elf(['context', '--task', t3.task, '--tokenizer', 'chars4', '--max-tokens', '500']);

    // Whole hook sessions in two projects, then a later one that should meet what was learned.
    const transcript = join(work, 'transcript.jsonl');
    const sessions = [...corpusSessions({ corpus, shop, billing, transcript })];
    for (const { label, payload, transcriptLines, at } of sessions.filter((s) => !s.odd)) {
      if (at !== undefined) clock.set(start + at);
      if (transcriptLines) writeFileSync(transcript, `${transcriptLines.map((l) => JSON.stringify(l)).join('\n')}\n`);
      await hookEvent(payload, label);
    }

    // What the run changed: rows that are not exactly as seeded, and how many stayed as seeded.
    const after = await dumpKnowledge(root, db);
    // Payloads no client sends, last: compared by what the hook answers, not by what they write.
    for (const { label, payload } of sessions.filter((s) => s.odd)) await hookEvent(payload, label);
    const knowledge = {};
    for (const [table, rows] of Object.entries(after)) {
      const before = new Set(seeded[table]);
      knowledge[table] = {
        unchanged: rows.filter((r) => before.has(r)).length,
        changed: rows.filter((r) => !before.has(r)),
      };
    }
    const normalise = (value) =>
      JSON.parse(JSON.stringify(value).replaceAll(work, '<tmp>').replaceAll(tmpdir(), '<tmpdir>'));
    return normalise({ steps, knowledge });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What the loop wrote: every knowledge and session-state table but query telemetry. */
async function dumpKnowledge(root, dbPath) {
  const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
  const elf = await core.Elf.open({ path: dbPath, projectPath: null, create: false });
  try {
    const tables = [
      'heuristics',
      'learnings',
      'confidence_updates',
      'violations',
      'ceo_reviews',
      'session_summaries',
      'session_injections',
      'heuristic_consultations',
      'session_captures',
      'session_tools',
      'trails',
      'settings',
    ];
    const out = {};
    // Sorted in JavaScript: some tables have no rowid, and row order is not what is compared.
    for (const table of tables) {
      const rows = await elf.db.selectFrom(table).selectAll().execute();
      // A capture's fingerprint hashes text that may hold the temp path: compared by the rows it allowed.
      out[table] = rows.map(({ fingerprint, ...row }) => JSON.stringify(row)).sort();
    }
    return out;
  } finally {
    await elf.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, out] = process.argv.slice(2);
  if (!root || !out) {
    process.stderr.write('usage: parity-run.mjs <checkout root> <out.json>\n');
    process.exit(1);
  }
  const corpus = JSON.parse(readFileSync(corpusUrl, 'utf8'));
  const record = await runParity(root, corpus);
  writeFileSync(out, `${JSON.stringify(record, null, 1)}\n`);
  const changed = Object.values(record.knowledge).reduce((n, t) => n + t.changed.length, 0);
  process.stdout.write(`${record.steps.length} steps, ${changed} rows written or changed → ${out}\n`);
}
