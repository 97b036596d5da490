#!/usr/bin/env node
// Quality of the context builder on a relevance corpus (@elf/test-support).
//
// Without options: recall and precision on the standard corpus at --max-tokens (default 2000),
// against a baseline that builds contexts the way the original ELF does (domain + recency, no
// task text), both packed by ELF's packer:
//   node scripts/quality-bench.mjs [--max-tokens 2000] [--json]
//
// With --fixture, --budget, --rankers or --project: the corpus is recorded into a database file
// by an Elf working inside a git repository, as a user records it, and each ranker builds a
// context per task and budget; recall counts the must-have items anywhere in the context (a
// near-duplicate stands in for its twin), split by heuristics and past failures; precision is the
// share of the non-golden items shown that are must-haves; fill = o200k tokens of the text ÷ budget.
//   node scripts/quality-bench.mjs --fixture hard [--budget 400 --budget 800 | --budget 400,800,2000]
//     [--rankers ours,bm25,original] [--project] [--extra-tasks] [--verbose] [--json]
// Rankers: ours = ContextBuilder with the o200k counter; bm25 = FTS5 bm25 over rules, explanations,
// titles and summaries with the task's words OR-ed; original = golden rules, then the heuristics of
// the task's domains by confidence, then those domains' newest failures. --project records
// heuristics and learnings into the repository's project and measures from it and from a second
// repository.
import { parseArgs } from 'node:util';
import * as context from '@elf/context';
import { Elf } from '@elf/core';
import { loadCorpus, seedCorpus } from '@elf/test-support/relevance-corpus';
import { evaluate, originalStyleBuilder, summarize } from '../test/fixtures/evaluate.mjs';
import { bm25Ranker, originalRanker, oursRanker } from '../test/fixtures/rankers.mjs';
import { seedInRepository } from '../test/fixtures/seeded-repo.mjs';

const { values } = parseArgs({
  options: {
    'max-tokens': { type: 'string', default: '2000' },
    fixture: { type: 'string' },
    budget: { type: 'string', multiple: true },
    rankers: { type: 'string' },
    project: { type: 'boolean' },
    'extra-tasks': { type: 'boolean' },
    verbose: { type: 'boolean' },
    json: { type: 'boolean' },
  },
});

const counter = await context.loadO200kCounter();
const compare = ['fixture', 'budget', 'rankers', 'project', 'extra-tasks', 'verbose'].some(
  (k) => values[k] !== undefined,
);
if (compare) await compareRankers();
else await legacy();

async function legacy() {
  const maxTokens = Number(values['max-tokens']);
  const now = new Date('2026-11-26T12:00:00.000Z');
  const elf = await Elf.open({ path: ':memory:', projectPath: null, clock: { now: () => now }, tokenCounter: counter });
  const corpus = loadCorpus();
  const refs = await seedCorpus(elf, corpus, { now });
  const builder = new context.ContextBuilder(elf);
  const ours = await evaluate(corpus, refs, (task) => builder.build({ task, maxTokens }));
  const baseline = await evaluate(corpus, refs, originalStyleBuilder(elf, context, { maxTokens }));
  await elf.close();

  const summary = (r) => ({
    recall: Number(r.recall.toFixed(3)),
    precision: Number(r.precision.toFixed(3)),
    mean_tokens: Math.round(r.perTask.reduce((s, t) => s + t.tokens, 0) / r.perTask.length),
    max_tokens: Math.max(...r.perTask.map((t) => t.tokens)),
  });
  const report = {
    corpus: { items: corpus.items.length, domains: corpus.domains.length, tasks: corpus.tasks.length },
    budget: maxTokens,
    elf: summary(ours),
    original_style_baseline: summary(baseline),
  };
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      `fixture: ${report.corpus.items} items over ${report.corpus.domains} domains, ${report.corpus.tasks} labelled tasks, budget ${maxTokens} tokens`,
    );
    for (const [name, r] of [
      ['ELF context builder', report.elf],
      ['original-style baseline', report.original_style_baseline],
    ]) {
      console.log(
        `${name.padEnd(24)} recall ${r.recall.toFixed(3)}  precision ${r.precision.toFixed(3)}  tokens mean ${r.mean_tokens}, max ${r.max_tokens}`,
      );
    }
  }
}

function fail(message) {
  console.error(`quality-bench: ${message}`);
  process.exit(1);
}

async function compareRankers() {
  const fixture = values.fixture ?? 'hard';
  if (!['standard', 'hard'].includes(fixture)) fail(`--fixture must be standard or hard, not '${fixture}'`);
  const budgets = (values.budget ?? ['400', '800', '2000']).flatMap((b) => b.split(',')).map(Number);
  for (const b of budgets) if (!Number.isInteger(b) || b < 100 || b > 50_000) fail(`--budget must be 100..50000`);
  const rankers = (values.rankers ?? 'ours,bm25,original').split(',');
  const makers = {
    ours: (elf, budget) => oursRanker(elf, context, counter, { budget }),
    bm25: (elf, budget) => bm25Ranker(elf, counter, { budget }),
    original: (elf, budget) => originalRanker(elf, counter, { budget }),
  };
  for (const r of rankers) if (!makers[r]) fail(`--rankers takes ours, bm25 and original, not '${r}'`);

  const seeded = await seedInRepository(Elf, counter, { fixture, project: values.project === true });
  const { corpus, refs } = seeded;
  const tasks = values['extra-tasks'] ? (corpus.extra_tasks ?? []) : corpus.tasks;
  if (tasks.length === 0) fail(`the ${fixture} corpus has no extra tasks`);
  const stored = await seeded.elf.db
    .selectFrom('heuristics')
    .select((eb) => [eb.fn.countAll().as('all'), eb.fn.sum('is_golden').as('golden')])
    .executeTakeFirstOrThrow();
  const places = [{ name: 'recorded here', elf: seeded.elf }];
  if (values.project) places.push({ name: 'another repository', elf: await seeded.open(seeded.other) });

  const results = [];
  try {
    for (const place of places) {
      for (const budget of budgets) {
        for (const ranker of rankers) {
          const build = makers[ranker](place.elf, budget);
          const evaluation = await evaluate(corpus, refs, build, { tiers: [0, 2, 3], counter, budget, tasks });
          results.push({ place: place.name, budget, ranker, ...summarize(evaluation), perTask: evaluation.perTask });
        }
      }
    }
  } finally {
    for (const place of places.slice(1)) await place.elf.close();
    await seeded.close();
  }

  const required = tasks.flatMap((t) => t.relevant);
  const kindOf = (entry) => corpus.items.find((i) => i.key === (Array.isArray(entry) ? entry[0] : entry));
  const header = {
    fixture,
    items: corpus.items.length,
    heuristics: Number(stored.all),
    golden: Number(stored.golden),
    learnings: corpus.items.filter((i) => i.kind === 'learning').length,
    domains: corpus.domains.length,
    tasks: tasks.length,
    required: required.length,
    required_heuristics: required.filter((e) => kindOf(e).kind === 'heuristic').length,
    required_failures: required.filter((e) => kindOf(e).type === 'failure').length,
    required_others: required.filter((e) => kindOf(e).kind !== 'heuristic' && kindOf(e).type !== 'failure').length,
    scope: values.project ? 'project (scoped to the repository, as `elf record heuristic --project` does)' : 'global',
  };
  if (values.json) {
    const strip = ({ perTask, ...rest }) => ({
      ...rest,
      ...(values.verbose
        ? { tasks: perTask.map(({ text, ...t }) => ({ ...t, fill: Number(t.fill.toFixed(3)) })) }
        : {}),
    });
    console.log(JSON.stringify({ corpus: header, results: results.map(strip) }, null, 2));
    return;
  }
  console.log(
    `${fixture} fixture: ${header.items} items over ${header.domains} domains (stored: ${header.heuristics} heuristics, ${header.golden} golden; ${header.learnings} learnings); ` +
      `${header.tasks} tasks needing ${header.required} items (${header.required_heuristics} heuristics, ${header.required_failures} failures` +
      `${header.required_others > 0 ? `, ${header.required_others} others` : ''}); ${header.scope}`,
  );
  for (const place of places) {
    if (values.project) console.log(`\nbuilt from ${place.name}`);
    for (const budget of budgets) {
      console.log(`\nbudget ${budget} tokens (o200k)`);
      console.log('  ranker    recall  heuristics  failures  precision  tokens  fill mean  fill min');
      for (const r of results.filter((x) => x.place === place.name && x.budget === budget)) {
        console.log(
          `  ${r.ranker.padEnd(9)} ${r.recall.toFixed(3)}   ${r.heuristics.padEnd(10)}  ${r.failures.padEnd(8)}  ${r.precision.toFixed(3)}      ${String(r.mean_tokens).padStart(5)}   ${r.fill_mean.toFixed(3)}      ${r.fill_min.toFixed(3)}`,
        );
        if (values.verbose) {
          for (const t of r.perTask) {
            if (t.misses.length === 0 && t.fill >= 0.9) continue;
            const missed = t.misses.length > 0 ? `  missed ${t.misses.join(', ')}` : '';
            console.log(`      ${t.id.padEnd(26)} fill ${t.fill.toFixed(2)}${missed}`);
          }
        }
      }
    }
  }
}
