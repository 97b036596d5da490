import { Elf } from '@elf/core';
import { type Corpus, loadCorpus, seedCorpus } from '@elf/test-support/relevance-corpus';
import { beforeAll, describe, expect, it } from 'vitest';
import * as context from '../src/index.js';
import { evaluate, originalStyleBuilder, type Refs } from './fixtures/evaluate.mjs';
import { o200k } from './support/elf.js';

// The fixture corpus (@elf/test-support's fixtures/relevance-corpus.json): 24 domains, 324 heuristics and
// learnings plus decisions, invariants, assumptions and spikes, and 81 tasks labelled with the
// items a good context must contain. scripts/quality-bench.mjs prints the same figures.

let elf: Elf;
let corpus: Corpus;
let refs: Refs;
const now = new Date('2026-11-26T12:00:00.000Z');

beforeAll(async () => {
  elf = await Elf.open({ path: ':memory:', projectPath: null, clock: { now: () => now }, tokenCounter: await o200k() });
  corpus = loadCorpus();
  refs = await seedCorpus(elf, corpus, { now });
  return () => elf.close();
}, 60_000);

describe('context quality on the fixture corpus', () => {
  it('recalls at least 80 % of the must-have items at the default budget, far above the original-style baseline', async () => {
    const builder = new context.ContextBuilder(elf);
    const ours = await evaluate(corpus, refs, (task) => builder.build({ task }));
    const baseline = await evaluate(corpus, refs, originalStyleBuilder(elf, context));
    expect(ours.recall).toBeGreaterThanOrEqual(0.8);
    expect(ours.recall).toBeGreaterThan(baseline.recall + 0.3);
    expect(ours.precision).toBeGreaterThan(baseline.precision);
  }, 120_000);

  it.each([200, 500, 2000, 8000])(
    'keeps every task’s context within %i tokens (real o200k count)',
    async (maxTokens) => {
      const counter = await o200k();
      const cold = new context.ContextBuilder(elf);
      const exact = new context.ContextBuilder(elf, { tokenCounter: counter });
      for (const task of corpus.tasks) {
        for (const builder of [cold, exact]) {
          const result = await builder.build({ task: task.task, maxTokens });
          expect(counter.count(result.text), task.id).toBeLessThanOrEqual(maxTokens);
          expect(result.tokens).toBeLessThanOrEqual(maxTokens);
        }
      }
    },
    120_000,
  );
});
