#!/usr/bin/env node
// In-process speed of buildContext on a synthetic database (seeded, deterministic):
//   node scripts/speed-bench.mjs [--learnings 10000] [--heuristics 2000] [--max-tokens 2000] [--json]
// Tasks are the fixture corpus's 81 developer tasks, cycled. Reports p50/p95/p99 via tinybench.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ContextBuilder, loadO200kCounter } from '@elf/context';
import { Elf } from '@elf/core';
import { loadCorpus } from '@elf/test-support/relevance-corpus';
import { Bench } from 'tinybench';

const { values } = parseArgs({
  options: {
    learnings: { type: 'string', default: '10000' },
    heuristics: { type: 'string', default: '' },
    'max-tokens': { type: 'string', default: '2000' },
    json: { type: 'boolean' },
  },
});
const learnings = Number(values.learnings);
const heuristics = values.heuristics ? Number(values.heuristics) : Math.round(learnings / 5);
const maxTokens = Number(values['max-tokens']);

// Deterministic text with a realistic shape: a Zipf distribution over a large vocabulary (the
// fixture corpus's words plus code-like identifiers, paths and error codes), so a few words are
// very common and most are rare, as in real engineering notes.
let seed = 42;
const random = () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32;
  return seed / 2 ** 32;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const corpus = loadCorpus();
const words = [
  ...new Set(
    corpus.items
      .flatMap((i) => `${i.rule ?? ''} ${i.title ?? ''} ${i.summary ?? ''} ${i.explanation ?? ''}`.split(/\s+/))
      .filter((w) => /^[a-zA-Z][a-zA-Z-]{2,}$/.test(w))
      .map((w) => w.toLowerCase()),
  ),
];
const identifiers = Array.from({ length: 20_000 }, (_, i) => {
  const a = pick(words);
  const b = pick(words);
  return [`${a}${b[0].toUpperCase()}${b.slice(1)}`, `src/${a}/${b}.ts`, `E${1000 + i}`, `${a}_${b}`][i % 4];
});
const vocabulary = [...words, ...identifiers];
// Zipf(1.07) sampling by inverse transform over precomputed cumulative weights.
const cumulative = [];
let total = 0;
for (let rank = 1; rank <= vocabulary.length; rank++) {
  total += 1 / rank ** 1.07;
  cumulative.push(total);
}
const zipf = () => {
  const x = random() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo];
};
const sentence = (n) => Array.from({ length: n }, zipf).join(' ');
const domains = [...corpus.domains, 'general', 'infra', 'mobile', 'data'];

const dir = mkdtempSync(join(tmpdir(), 'elf-context-bench-'));
const path = join(dir, 'elf.db');
const now = new Date('2026-11-26T12:00:00.000Z');
const counter = await loadO200kCounter();
const elf = await Elf.open({ path, projectPath: null, clock: { now: () => now } });
const started = performance.now();
await elf.db.transaction().execute(async (trx) => {
  for (let i = 0; i < learnings; i++) {
    const title = sentence(6 + Math.floor(random() * 8));
    const summary = sentence(15 + Math.floor(random() * 40));
    const at = new Date(now.getTime() - random() * 180 * 86_400_000).toISOString();
    await trx
      .insertInto('learnings')
      .values({
        type: pick(['failure', 'failure', 'success', 'observation']),
        title,
        summary,
        domain: pick(domains),
        tags: `${pick(words)},${pick(words)}`,
        token_count: counter.count(`${title} — ${summary}`),
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  for (let i = 0; i < heuristics; i++) {
    const rule = sentence(8 + Math.floor(random() * 12));
    await trx
      .insertInto('heuristics')
      .values({
        domain: pick(domains),
        rule,
        confidence: Math.round(random() * 100) / 100,
        times_validated: Math.floor(random() * 20),
        is_golden: i < 10 ? 1 : 0,
        token_count: counter.count(rule),
      })
      .execute();
  }
});
const seeded = performance.now() - started;

const builder = new ContextBuilder(elf);
let next = 0;
const bench = new Bench({ time: 3000, warmupTime: 500, retainSamples: true });
bench.add(`buildContext (${maxTokens} tokens)`, async () => {
  const task = corpus.tasks[next++ % corpus.tasks.length].task;
  await builder.build({ task, maxTokens });
});
await bench.run();
await elf.close();
const size = statSync(path).size;
if (!process.env.KEEP_DB) rmSync(dir, { recursive: true, force: true });
else console.log('kept', path);

const percentile = (samples, p) =>
  [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * samples.length) - 1)] ?? Number.NaN;
const task = bench.tasks[0];
const latency = task.result.latency;
const report = {
  learnings,
  heuristics,
  budget: maxTokens,
  seed_seconds: Math.round(seeded / 100) / 10,
  database_mb: Math.round((size / 1_048_576) * 10) / 10,
  samples: latency.samplesCount,
  p50_ms: Number(latency.p50.toFixed(3)),
  p95_ms: Number(percentile(latency.samples ?? [], 0.95).toFixed(3)),
  p99_ms: Number(latency.p99.toFixed(3)),
  mean_ms: Number(latency.mean.toFixed(3)),
  node: process.version,
};
if (values.json) console.log(JSON.stringify(report, null, 2));
else
  console.log(
    `buildContext, ${learnings} learnings + ${heuristics} heuristics, budget ${maxTokens}: p50 ${report.p50_ms} ms, p95 ${report.p95_ms} ms, p99 ${report.p99_ms} ms (${report.samples} runs; db ${report.database_mb} MB)`,
  );
