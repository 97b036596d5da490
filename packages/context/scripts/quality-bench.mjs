#!/usr/bin/env node
// Recall and precision of the context builder on the relevance corpus (@elf/test-support), against a
// baseline that builds contexts the way the original ELF does (domain + recency, no task text):
//   node scripts/quality-bench.mjs [--max-tokens 2000] [--json]
import { parseArgs } from 'node:util';
import * as context from '@elf/context';
import { Elf } from '@elf/core';
import { loadCorpus, seedCorpus } from '@elf/test-support/relevance-corpus';
import { evaluate, originalStyleBuilder } from '../test/fixtures/evaluate.mjs';

const { values } = parseArgs({
  options: { 'max-tokens': { type: 'string', default: '2000' }, json: { type: 'boolean' } },
});
const maxTokens = Number(values['max-tokens']);
const now = new Date('2026-11-26T12:00:00.000Z');
const counter = await context.loadO200kCounter();
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
