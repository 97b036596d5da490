import { describe, expect, it } from 'vitest';
import { charsDividedByFour, itemText, starterGoldenRules, type TokenCounter, utf8ByteBound } from '../src/index.js';
import { openTempElf } from './support/temp-elf.js';

const wordCounter: TokenCounter = { name: 'words', count: (text) => text.split(/\s+/).filter(Boolean).length };

describe('starter golden rules', () => {
  it('are seeded once when a database is created, as golden core rules marked starter, with token counts', async () => {
    const { elf, path } = await openTempElf({ seedStarters: true });
    const { rules } = await elf.goldenRules();
    expect(rules).toHaveLength(starterGoldenRules.length);
    for (const rule of rules) {
      expect(rule).toMatchObject({ is_golden: true, source_type: 'starter', category: 'core', project_path: null });
      expect(rule.token_count).toBeGreaterThan(0);
    }
    await elf.close();
    const { elf: reopened } = await openTempElf({ path, seedStarters: true });
    expect((await reopened.goldenRules()).rules).toHaveLength(starterGoldenRules.length);
  });

  it('can be removed like any other rule and do not come back on reopen', async () => {
    const { elf, path } = await openTempElf({ seedStarters: true });
    await elf.db.deleteFrom('heuristics').where('source_type', '=', 'starter').execute();
    await elf.close();
    const { elf: reopened } = await openTempElf({ path, seedStarters: true });
    expect((await reopened.goldenRules()).rules).toEqual([]);
  });
});

describe('token counts', () => {
  it('are stored on record when a counter is configured, from the kind’s item text', async () => {
    const { elf } = await openTempElf({ tokenCounter: wordCounter });
    const learning = await elf.recordLearning({
      type: 'failure',
      title: 'Cache cold',
      summary: 'after every deploy',
      domain: 'ops',
    });
    const heuristic = await elf.recordHeuristic({ domain: 'ops', rule: 'Warm the cache before switching traffic' });
    const decision = await elf.recordDecision({
      title: 'Blue green',
      context: 'c',
      decision: 'two pools',
      rationale: 'r',
    });
    expect(learning.token_count).toBe(wordCounter.count(itemText('learning', learning)));
    expect(learning.token_count).toBe(6); // "Cache cold — after every deploy"
    expect(heuristic.token_count).toBe(6);
    expect(decision.token_count).toBe(4);
  });

  it('stay null without a counter, and fillTokenCounts fills every kind', async () => {
    const { elf } = await openTempElf();
    await elf.recordLearning({ type: 'failure', title: 'One two three', domain: 'ops' });
    await elf.recordHeuristic({ domain: 'ops', rule: 'Four five' });
    await elf.recordInvariant({ statement: 'Six', rationale: 'r' });
    await elf.recordAssumption({ assumption: 'Seven eight' });
    await elf.recordSpikeReport({ title: 'Nine', topic: 't', question: 'q', findings: 'ten' });
    await elf.recordExperiment({ name: 'x', hypothesis: 'y z' });
    await elf.recordCeoReview({ title: 'review me' });
    const result = await elf.fillTokenCounts(wordCounter, { batchSize: 1 });
    expect(result.total).toBe(7);
    expect(result.counted).toMatchObject({ learning: 1, heuristic: 1, invariant: 1, assumption: 1, spike_report: 1 });
    const heuristic = await elf.db.selectFrom('heuristics').select('token_count').executeTakeFirstOrThrow();
    expect(heuristic.token_count).toBe(2);
    expect((await elf.fillTokenCounts(wordCounter)).total).toBe(0);
  });

  it('bound tokens by UTF-8 bytes, and estimate chars ÷ 4 like the original', () => {
    expect(utf8ByteBound.count('héllo ✓')).toBe(10);
    expect(charsDividedByFour.count('12345')).toBe(2);
  });
});
