import { Elf } from '@elf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as context from '../src/index.js';
import { type Evaluation, evaluate, summarize } from './fixtures/evaluate.mjs';
import { oursRanker } from './fixtures/rankers.mjs';
import { type SeededRepository, seedInRepository } from './fixtures/seeded-repo.mjs';
import { o200k } from './support/elf.js';

// The targets on the hard fixture (@elf/test-support's fixtures/hard-corpus.json: 326
// heuristics with 12 competing golden rules, 152 learnings, 54 tasks phrased by their symptom and
// needing 98 items), recorded into a database file from inside a git repository and built there
// with the real o200k count at --max-tokens 400. scripts/quality-bench.mjs --fixture hard prints
// the same figures for every budget, with bm25 and original-style rankers beside them.

const budget = 400;
let seeded: SeededRepository;
let ours: Evaluation;

beforeAll(async () => {
  const counter = await o200k();
  seeded = await seedInRepository(Elf, counter, { fixture: 'hard' });
  const build = oursRanker(seeded.elf, context, counter, { budget });
  ours = await evaluate(seeded.corpus, seeded.refs, build, { tiers: [0, 2, 3], counter, budget });
}, 60_000);

afterAll(() => seeded?.close());

describe(`context quality on the hard fixture at ${budget} tokens`, () => {
  it('shows at least 90 % of the must-have items (a near-duplicate stands in for its twin)', () => {
    const missed = ours.perTask.filter((t) => t.misses.length > 0).map((t) => `${t.id}: ${t.misses.join(', ')}`);
    expect(summarize(ours).recall, `${JSON.stringify(summarize(ours))}\n${missed.join('\n')}`).toBeGreaterThanOrEqual(
      0.9,
    );
  });

  it('uses at least 90 % of the budget for every task', () => {
    const underfilled = ours.perTask.filter((t) => (t.fill ?? 0) < 0.9).map((t) => `${t.id}: ${t.tokens}`);
    expect(underfilled).toEqual([]);
  });
});
