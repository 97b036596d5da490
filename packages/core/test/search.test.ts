import { describe, expect, it } from 'vitest';
import { openTempElf } from './support/temp-elf.js';

async function corpus() {
  const ctx = await openTempElf();
  const { elf } = ctx;
  const ids = {
    titleHit: (
      await elf.recordLearning({ type: 'failure', title: 'Deadlock when two migrations run', domain: 'database' })
    ).id,
    summaryHit: (
      await elf.recordLearning({
        type: 'observation',
        title: 'Slow deploy',
        domain: 'ops',
        summary: 'a migration held a lock; no deadlock though',
      })
    ).id,
    unrelated: (await elf.recordLearning({ type: 'success', title: 'Faster CSS build', domain: 'ui' })).id,
    heuristic: (await elf.recordHeuristic({ domain: 'database', rule: 'Never run two migrations at once' })).id,
    decision: (
      await elf.recordDecision({
        title: 'Serialize migrations',
        context: 'deadlocks',
        decision: 'one runner',
        rationale: 'locks',
      })
    ).id,
    spike: (
      await elf.recordSpikeReport({
        title: 'Lock timing',
        topic: 'sqlite',
        question: 'busy?',
        findings: 'migration locks',
      })
    ).id,
  };
  return { ...ctx, ids };
}

describe('search', () => {
  it('finds every kind of knowledge, best match first, with a highlighted snippet', async () => {
    const { elf, ids } = await corpus();
    const result = await elf.search({ text: 'deadlock migrations' });
    const keys = result.hits.map((h) => `${h.kind}:${h.id}`);
    expect(keys).toContain(`learning:${ids.titleHit}`);
    expect(keys).toContain(`heuristic:${ids.heuristic}`);
    expect(keys).toContain(`decision:${ids.decision}`);
    expect(keys).not.toContain(`learning:${ids.unrelated}`);
    // Both terms in the title beats one term in the body.
    expect(keys.indexOf(`learning:${ids.titleHit}`)).toBeLessThan(keys.indexOf(`learning:${ids.summaryHit}`));
    const top = result.hits.find((h) => h.id === ids.titleHit && h.kind === 'learning');
    expect(top?.snippet).toMatch(/\*\*Deadlock\*\*/);
    expect(result.hits.map((h) => h.score)).toEqual([...result.hits.map((h) => h.score)].sort((a, b) => a - b));
  });

  it('filters by kind and pages', async () => {
    const { elf } = await corpus();
    const only = await elf.search({ text: 'migration', kinds: ['spike_report'] });
    expect(only.hits.map((h) => h.kind)).toEqual(['spike_report']);
    const all = await elf.search({ text: 'migration', limit: 100 });
    const page1 = await elf.search({ text: 'migration', limit: 2 });
    const page2 = await elf.search({ text: 'migration', limit: 2, offset: 2 });
    expect([...page1.hits, ...page2.hits].map((h) => `${h.kind}:${h.id}`)).toEqual(
      all.hits.slice(0, 4).map((h) => `${h.kind}:${h.id}`),
    );
  });

  it.each([
    'NEAR(deadlock migration, 2)',
    'title:deadlock',
    '"unbalanced quote',
    'deadlock AND OR NOT',
    '*',
    'migr*',
    "'; drop table learnings; --",
    'ünïcödé déadlock',
  ])('treats FTS syntax in the text as plain words: %s', async (text) => {
    const { elf } = await corpus();
    await expect(elf.search({ text })).resolves.toMatchObject({ text });
    expect((await elf.statistics()).total_learnings).toBe(3);
  });

  it('returns nothing for text without searchable words, and rejects empty text', async () => {
    const { elf } = await corpus();
    expect((await elf.search({ text: 'the and of' })).hits).toEqual([]);
    await expect(elf.search({ text: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'text' });
  });
});
