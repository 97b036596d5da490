import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  demoteHeuristic,
  demotionCandidates,
  heuristicHistory,
  promoteHeuristic,
  setSetting,
  validateHeuristic,
  violateHeuristic,
} from '../src/index.js';
import { auditRows as audit, heuristicRow as row } from './support/heuristic-rows.js';
import { openTempElf } from './support/temp-elf.js';

describe('confidence updates', () => {
  it('moves a heuristic at most once per session and a capped number of times a day (automatic updates)', async () => {
    const { elf, clock } = await openTempElf();
    await setSetting(elf.core, 'confidence.daily-cap', '2');
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Version every endpoint' });
    const first = await applyOutcome(elf.core, { heuristicId: h.id, event: 'validated', sessionId: 's1' });
    expect(first).toMatchObject({
      oldConfidence: 0.5,
      newConfidence: 0.54,
      target: 0.6,
      alpha: 0.4,
      rateLimited: false,
    });
    const again = await applyOutcome(elf.core, { heuristicId: h.id, event: 'violated', sessionId: 's1' });
    expect(again).toMatchObject({ oldConfidence: 0.54, newConfidence: 0.54, rateLimited: 'session' });
    // An unknown outcome does not take a real outcome's slot, and is counted once per session.
    expect(await applyOutcome(elf.core, { heuristicId: h.id, event: 'consulted', sessionId: 's2' })).toMatchObject({
      rateLimited: false,
    });
    expect(await applyOutcome(elf.core, { heuristicId: h.id, event: 'consulted', sessionId: 's2' })).toMatchObject({
      rateLimited: 'session',
    });
    expect(await applyOutcome(elf.core, { heuristicId: h.id, event: 'violated', sessionId: 's2' })).toMatchObject({
      newConfidence: 0.4968,
      rateLimited: false,
    });
    // Third automatic outcome today: over the daily cap of 2.
    expect(await applyOutcome(elf.core, { heuristicId: h.id, event: 'validated', sessionId: 's3' })).toMatchObject({
      rateLimited: 'daily',
    });
    // A person's update is always applied, and with --session it takes that session's slot.
    await validateHeuristic(elf.core, { id: h.id, sessionId: 's4', note: 'checked by hand' });
    clock.advanceDays(1);
    expect(await applyOutcome(elf.core, { heuristicId: h.id, event: 'validated', sessionId: 's4' })).toMatchObject({
      rateLimited: 'session',
    });
    expect(await applyOutcome(elf.core, { heuristicId: h.id, event: 'validated', sessionId: 's5' })).toMatchObject({
      rateLimited: false,
    });
    expect(await row(elf, h.id)).toMatchObject({ times_validated: 3, times_violated: 1, times_consulted: 1 });
    const rows = await audit(elf, h.id);
    expect(rows.map((a) => [a.update_type, a.source, a.rate_limited, a.session_id])).toEqual([
      ['validated', 'auto', 0, 's1'],
      ['violated', 'auto', 1, 's1'],
      ['consulted', 'auto', 0, 's2'],
      ['consulted', 'auto', 1, 's2'],
      ['violated', 'auto', 0, 's2'],
      ['validated', 'auto', 1, 's3'],
      ['validated', 'manual', 0, 's4'],
      ['validated', 'auto', 1, 's4'],
      ['validated', 'auto', 0, 's5'],
    ]);
    expect(rows[0]).toMatchObject({
      old_confidence: 0.5,
      new_confidence: 0.54,
      raw_target_confidence: 0.6,
      alpha_used: 0.4,
    });
    expect(rows[6]?.reason).toBe('checked by hand');
    expect(await applyOutcome(elf.core, { heuristicId: 9999, event: 'validated' })).toBeNull();
    const history = await heuristicHistory(elf.core, h.id);
    expect(history.updates).toHaveLength(9);
  });

  it('promotes at exactly the thresholds (mode auto), whatever the source, and only suggests in mode suggest', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Pin dependency versions' });
    await elf.db
      .updateTable('heuristics')
      .set({ times_validated: 9, confidence: 0.8947 })
      .where('id', '=', h.id)
      .execute();
    // One below: 0.8946 → 0.8999 after a success.
    const below = await elf.recordHeuristic({ domain: 'api', rule: 'Lock the toolchain version' });
    await elf.db
      .updateTable('heuristics')
      .set({ times_validated: 9, confidence: 0.8946 })
      .where('id', '=', below.id)
      .execute();
    expect(await applyOutcome(elf.core, { heuristicId: below.id, event: 'validated', sessionId: 's' })).toMatchObject({
      newConfidence: 0.8999,
      promoted: false,
    });
    expect(await applyOutcome(elf.core, { heuristicId: h.id, event: 'validated', sessionId: 's' })).toMatchObject({
      newConfidence: 0.9,
      promoted: true,
    });
    expect((await row(elf, h.id)).is_golden).toBe(1);
    expect((await audit(elf, h.id)).map((a) => [a.update_type, a.source])).toEqual([
      ['validated', 'auto'],
      ['promoted', 'system'],
    ]);
    // A person's update that crosses the thresholds promotes too.
    const byHand = await elf.recordHeuristic({ domain: 'db', rule: 'Name every constraint explicitly' });
    await elf.db
      .updateTable('heuristics')
      .set({ times_validated: 9, confidence: 0.95 })
      .where('id', '=', byHand.id)
      .execute();
    expect(await validateHeuristic(elf.core, { id: byHand.id })).toMatchObject({ promoted: true });
    expect((await row(elf, byHand.id)).is_golden).toBe(1);
    // In mode suggest it is only suggested.
    await setSetting(elf.core, 'promotion.mode', 'suggest');
    const s = await elf.recordHeuristic({ domain: 'db', rule: 'Index every foreign key' });
    await elf.db
      .updateTable('heuristics')
      .set({ times_validated: 9, confidence: 0.95 })
      .where('id', '=', s.id)
      .execute();
    expect(await validateHeuristic(elf.core, { id: s.id })).toMatchObject({
      promoted: false,
      promotionSuggested: true,
    });
    expect((await row(elf, s.id)).is_golden).toBe(0);
    await promoteHeuristic(elf.core, { id: s.id, reason: 'agreed in review' });
    expect((await row(elf, s.id)).is_golden).toBe(1);
    await expect(promoteHeuristic(elf.core, { id: s.id })).rejects.toThrow('id: heuristic #');
  });

  it('demotes a golden rule violated 3 times within 7 days, not 3 times in 8', async () => {
    const { elf, clock } = await openTempElf();
    const spread = await elf.recordHeuristic({ domain: 'git', rule: 'Never force-push to main' });
    const close = await elf.recordHeuristic({ domain: 'git', rule: 'Rebase before merging' });
    const shown = await elf.recordHeuristic({ domain: 'git', rule: 'Sign every release tag' });
    for (const id of [spread.id, close.id, shown.id]) {
      await elf.db.updateTable('heuristics').set({ is_golden: 1, confidence: 0.97 }).where('id', '=', id).execute();
    }
    // Automatic failures of tasks a golden rule was shown to are not violations of record.
    for (const s of ['a', 'b']) {
      await applyOutcome(elf.core, { heuristicId: shown.id, event: 'violated', sessionId: s });
    }
    expect((await row(elf, shown.id)).is_golden).toBe(1);
    await violateHeuristic(elf.core, { id: spread.id });
    clock.advanceDays(4);
    await violateHeuristic(elf.core, { id: spread.id });
    clock.advanceDays(4);
    expect(await violateHeuristic(elf.core, { id: spread.id })).toMatchObject({ demoted: false });
    expect((await row(elf, spread.id)).is_golden).toBe(1);
    await violateHeuristic(elf.core, { id: close.id });
    await elf.recordViolation({ rule_id: close.id, rule_name: 'Rebase before merging' });
    const third = await elf.recordViolation({ rule_id: close.id, rule_name: 'Rebase before merging' });
    expect(third.lifecycle).toMatchObject({ ruleViolations: 3, demoted: true });
    const demoted = await row(elf, close.id);
    // Each violation of record moved it too (0.97 × 0.92³ = 0.7553), under the 0.8 cap already.
    expect(demoted).toMatchObject({ is_golden: 0, confidence: 0.7553 });
    expect((await audit(elf, close.id)).at(-1)).toMatchObject({ update_type: 'demoted', source: 'system' });
    // Mode suggest lists it instead.
    await setSetting(elf.core, 'promotion.mode', 'suggest');
    await violateHeuristic(elf.core, { id: spread.id });
    await violateHeuristic(elf.core, { id: spread.id });
    expect((await row(elf, spread.id)).is_golden).toBe(1);
    expect((await demotionCandidates(elf.core)).map((c) => c.id)).toEqual([spread.id]);
    await demoteHeuristic(elf.core, { id: spread.id });
    await expect(demoteHeuristic(elf.core, { id: spread.id })).rejects.toThrow('is not a golden rule');
  });

  it('opens one CEO review at 10 violations in 7 days, not one per further violation', async () => {
    const { elf } = await openTempElf();
    await setSetting(elf.core, 'promotion.mode', 'suggest');
    const rules = [];
    for (let i = 0; i < 4; i++) {
      const h = await elf.recordHeuristic({ domain: 'process', rule: `Golden rule number ${i}` });
      await elf.db.updateTable('heuristics').set({ is_golden: 1 }).where('id', '=', h.id).execute();
      rules.push(h);
    }
    const opened: Array<number | null> = [];
    const levels: string[] = [];
    for (let i = 0; i < 13; i++) {
      const h = rules[i % rules.length];
      if (!h) throw new Error('no rule');
      const v = await elf.recordViolation({ rule_id: h.id, rule_name: h.rule });
      opened.push(v.lifecycle.reviewOpened);
      levels.push(v.lifecycle.level);
    }
    expect(levels.slice(0, 3)).toEqual(['normal', 'normal', 'warning']);
    expect(levels[4]).toBe('probation');
    expect(levels[9]).toBe('critical');
    expect(opened.filter((id) => id !== null)).toHaveLength(1);
    expect(opened[9]).not.toBeNull();
    const reviews = await elf.db.selectFrom('ceo_reviews').selectAll().execute();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ status: 'pending', source_key: 'violations:critical' });
  });
});
