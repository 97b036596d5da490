import { describe, expect, it } from 'vitest';
import { applyOutcome, nextConfidence, qualifiesForGolden } from '../src/index.js';
import { openTempElf } from './support/temp-elf.js';

describe('applyOutcome', () => {
  it('moves confidence and counters, audits every change, and moves a heuristic once per session', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Version every endpoint', confidence: 0.5 });
    const first = await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's1' });
    expect(first).toMatchObject({ oldConfidence: 0.5, newConfidence: 0.51, rateLimited: false, promoted: false });
    const again = await applyOutcome(elf.context, { heuristicId: h.id, event: 'violated', sessionId: 's1' });
    expect(again).toMatchObject({ oldConfidence: 0.51, newConfidence: 0.51, rateLimited: true });
    await applyOutcome(elf.context, { heuristicId: h.id, event: 'violated', sessionId: 's2' });
    await applyOutcome(elf.context, { heuristicId: h.id, event: 'consulted', sessionId: 's3' });
    // A person's update is always applied.
    await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's1', source: 'manual' });
    const row = await elf.db.selectFrom('heuristics').selectAll().where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ times_validated: 2, times_violated: 1, times_consulted: 1, confidence: 0.5 });
    const audit = await elf.db
      .selectFrom('confidence_updates')
      .selectAll()
      .where('heuristic_id', '=', h.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.update_type, a.source, a.rate_limited, a.session_id, a.delta])).toEqual([
      ['validated', 'auto', 0, 's1', 0.01],
      ['violated', 'auto', 1, 's1', 0],
      ['violated', 'auto', 0, 's2', -0.02],
      ['consulted', 'auto', 0, 's3', 0],
      ['validated', 'manual', 0, 's1', 0.01],
    ]);
    expect(await applyOutcome(elf.context, { heuristicId: 9999, event: 'validated' })).toBeNull();
  });

  it('promotes to golden rule exactly at the thresholds, not one below', async () => {
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 10, times_violated: 1 })).toBe(true);
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 9, times_violated: 0 })).toBe(false);
    expect(qualifiesForGolden({ confidence: 0.89, times_validated: 10, times_violated: 0 })).toBe(false);
    expect(qualifiesForGolden({ confidence: 0.95, times_validated: 10, times_violated: 2 })).toBe(false);
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Pin dependency versions', confidence: 0.89 });
    await elf.db.updateTable('heuristics').set({ times_validated: 9 }).where('id', '=', h.id).execute();
    const result = await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's' });
    expect(result).toMatchObject({ newConfidence: 0.9, promoted: true });
    const row = await elf.db
      .selectFrom('heuristics')
      .select('is_golden')
      .where('id', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(row.is_golden).toBe(1);
    const promoted = await elf.db
      .selectFrom('confidence_updates')
      .select('update_type')
      .where('heuristic_id', '=', h.id)
      .where('update_type', '=', 'promoted')
      .execute();
    expect(promoted).toHaveLength(1);
  });

  it('keeps confidence within 0..1', () => {
    expect(nextConfidence(0.995, 'validated')).toBe(1);
    expect(nextConfidence(0.01, 'violated')).toBe(0);
    expect(nextConfidence(0.4, 'consulted')).toBe(0.4);
  });
});
