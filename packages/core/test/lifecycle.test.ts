import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  demoteHeuristic,
  demotionCandidates,
  heuristicHistory,
  maintainIfDue,
  maintainLifecycle,
  promoteHeuristic,
  reviveHeuristic,
  reviveMatching,
  setSetting,
  validateHeuristic,
  violateHeuristic,
} from '../src/index.js';
import { knowledgeCounts, openTempElf } from './support/temp-elf.js';

const row = (elf: Awaited<ReturnType<typeof openTempElf>>['elf'], id: number) =>
  elf.db.selectFrom('heuristics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audit = (elf: Awaited<ReturnType<typeof openTempElf>>['elf'], id: number) =>
  elf.db.selectFrom('confidence_updates').selectAll().where('heuristic_id', '=', id).orderBy('id').execute();

describe('confidence updates', () => {
  it('moves a heuristic at most once per session and a capped number of times a day (automatic updates)', async () => {
    const { elf, clock } = await openTempElf();
    await setSetting(elf.context, 'confidence.daily-cap', '2');
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Version every endpoint' });
    const first = await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's1' });
    expect(first).toMatchObject({
      oldConfidence: 0.5,
      newConfidence: 0.54,
      target: 0.6,
      alpha: 0.4,
      rateLimited: false,
    });
    const again = await applyOutcome(elf.context, { heuristicId: h.id, event: 'violated', sessionId: 's1' });
    expect(again).toMatchObject({ oldConfidence: 0.54, newConfidence: 0.54, rateLimited: 'session' });
    // An unknown outcome does not take a real outcome's slot, and is counted once per session.
    expect(await applyOutcome(elf.context, { heuristicId: h.id, event: 'consulted', sessionId: 's2' })).toMatchObject({
      rateLimited: false,
    });
    expect(await applyOutcome(elf.context, { heuristicId: h.id, event: 'consulted', sessionId: 's2' })).toMatchObject({
      rateLimited: 'session',
    });
    expect(await applyOutcome(elf.context, { heuristicId: h.id, event: 'violated', sessionId: 's2' })).toMatchObject({
      newConfidence: 0.4968,
      rateLimited: false,
    });
    // Third automatic outcome today: over the daily cap of 2.
    expect(await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's3' })).toMatchObject({
      rateLimited: 'daily',
    });
    // A person's update is always applied, and with --session it takes that session's slot.
    await validateHeuristic(elf.context, { id: h.id, sessionId: 's4', note: 'checked by hand' });
    clock.advanceDays(1);
    expect(await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's4' })).toMatchObject({
      rateLimited: 'session',
    });
    expect(await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's5' })).toMatchObject({
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
    expect(await applyOutcome(elf.context, { heuristicId: 9999, event: 'validated' })).toBeNull();
    const history = await heuristicHistory(elf.context, h.id);
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
    expect(
      await applyOutcome(elf.context, { heuristicId: below.id, event: 'validated', sessionId: 's' }),
    ).toMatchObject({
      newConfidence: 0.8999,
      promoted: false,
    });
    expect(await applyOutcome(elf.context, { heuristicId: h.id, event: 'validated', sessionId: 's' })).toMatchObject({
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
    expect(await validateHeuristic(elf.context, { id: byHand.id })).toMatchObject({ promoted: true });
    expect((await row(elf, byHand.id)).is_golden).toBe(1);
    // In mode suggest it is only suggested.
    await setSetting(elf.context, 'promotion.mode', 'suggest');
    const s = await elf.recordHeuristic({ domain: 'db', rule: 'Index every foreign key' });
    await elf.db
      .updateTable('heuristics')
      .set({ times_validated: 9, confidence: 0.95 })
      .where('id', '=', s.id)
      .execute();
    expect(await validateHeuristic(elf.context, { id: s.id })).toMatchObject({
      promoted: false,
      promotionSuggested: true,
    });
    expect((await row(elf, s.id)).is_golden).toBe(0);
    await promoteHeuristic(elf.context, { id: s.id, reason: 'agreed in review' });
    expect((await row(elf, s.id)).is_golden).toBe(1);
    await expect(promoteHeuristic(elf.context, { id: s.id })).rejects.toThrow('id: heuristic #');
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
      await applyOutcome(elf.context, { heuristicId: shown.id, event: 'violated', sessionId: s });
    }
    expect((await row(elf, shown.id)).is_golden).toBe(1);
    await violateHeuristic(elf.context, { id: spread.id });
    clock.advanceDays(4);
    await violateHeuristic(elf.context, { id: spread.id });
    clock.advanceDays(4);
    expect(await violateHeuristic(elf.context, { id: spread.id })).toMatchObject({ demoted: false });
    expect((await row(elf, spread.id)).is_golden).toBe(1);
    await violateHeuristic(elf.context, { id: close.id });
    await elf.recordViolation({ rule_id: close.id, rule_name: 'Rebase before merging' });
    const third = await elf.recordViolation({ rule_id: close.id, rule_name: 'Rebase before merging' });
    expect(third.lifecycle).toMatchObject({ ruleViolations: 3, demoted: true });
    const demoted = await row(elf, close.id);
    // Each violation of record moved it too (0.97 × 0.92³ = 0.7553), under the 0.8 cap already.
    expect(demoted).toMatchObject({ is_golden: 0, confidence: 0.7553 });
    expect((await audit(elf, close.id)).at(-1)).toMatchObject({ update_type: 'demoted', source: 'system' });
    // Mode suggest lists it instead.
    await setSetting(elf.context, 'promotion.mode', 'suggest');
    await violateHeuristic(elf.context, { id: spread.id });
    await violateHeuristic(elf.context, { id: spread.id });
    expect((await row(elf, spread.id)).is_golden).toBe(1);
    expect((await demotionCandidates(elf.context)).map((c) => c.id)).toEqual([spread.id]);
    await demoteHeuristic(elf.context, { id: spread.id });
    await expect(demoteHeuristic(elf.context, { id: spread.id })).rejects.toThrow('is not a golden rule');
  });

  it('opens one CEO review at 10 violations in 7 days, not one per further violation', async () => {
    const { elf } = await openTempElf();
    await setSetting(elf.context, 'promotion.mode', 'suggest');
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

describe('decay, dormancy, archive, revival', () => {
  it('decays unused heuristics over simulated time, spares golden rules, decisions and invariants, and is idempotent', async () => {
    const { elf, clock } = await openTempElf();
    const plain = await elf.recordHeuristic({ domain: 'css', rule: 'Prefer grid over float layouts' });
    const golden = await elf.recordHeuristic({ domain: 'css', rule: 'Never ship unminified CSS' });
    await elf.db.updateTable('heuristics').set({ is_golden: 1, confidence: 0.9 }).where('id', '=', golden.id).execute();
    const used = await elf.recordHeuristic({ domain: 'css', rule: 'Use logical properties for spacing' });
    await elf.recordDecision({ title: 'Tailwind', context: 'c', decision: 'Use it', rationale: 'r' });
    await elf.recordInvariant({ statement: 'Tokens come from the theme', rationale: 'r' });
    const before = {
      decision: await elf.db.selectFrom('decisions').selectAll().executeTakeFirstOrThrow(),
      invariant: await elf.db.selectFrom('invariants').selectAll().executeTakeFirstOrThrow(),
    };

    clock.advanceDays(29);
    expect((await maintainLifecycle(elf.context)).decayed).toEqual([]);
    await applyOutcome(elf.context, { heuristicId: used.id, event: 'consulted', sessionId: 'x' });
    clock.advanceDays(1); // day 30: the first step
    const first = await maintainLifecycle(elf.context);
    expect(first.decayed.map((d) => [d.id, d.from, d.to, d.steps])).toEqual([[plain.id, 0.5, 0.46, 1]]);
    // The same day again: nothing is due twice.
    expect((await maintainLifecycle(elf.context)).decayed).toEqual([]);
    clock.advanceDays(28); // day 58: two more steps at once
    const later = await maintainLifecycle(elf.context);
    expect(later.decayed.find((d) => d.id === plain.id)).toMatchObject({ from: 0.46, to: 0.3893, steps: 2 });
    clock.advanceDays(14 * 6); // six more steps: 0.3893 × 0.92^6 = 0.2361 (rounded per step) — still above 0.2
    await maintainLifecycle(elf.context);
    expect(await row(elf, plain.id)).toMatchObject({ status: 'active', confidence: 0.2361 });
    clock.advanceDays(28); // two more: 0.1998 → dormant
    const dormant = await maintainLifecycle(elf.context);
    expect(dormant.dormant.map((d) => d.id)).toEqual([plain.id]);
    expect(await row(elf, plain.id)).toMatchObject({ status: 'dormant', confidence: 0.1998 });
    expect(await row(elf, golden.id)).toMatchObject({ status: 'active', confidence: 0.9, is_golden: 1 });
    expect(await elf.db.selectFrom('decisions').selectAll().executeTakeFirstOrThrow()).toEqual(before.decision);
    expect(await elf.db.selectFrom('invariants').selectAll().executeTakeFirstOrThrow()).toEqual(before.invariant);

    // An automatic outcome on a dormant heuristic does nothing; a person's is refused.
    expect(await applyOutcome(elf.context, { heuristicId: plain.id, event: 'validated', sessionId: 'y' })).toBeNull();
    const counts = await knowledgeCounts(elf);
    await expect(validateHeuristic(elf.context, { id: plain.id })).rejects.toThrow(
      `id: heuristic #${plain.id} is dormant (revive it first)`,
    );
    expect(await knowledgeCounts(elf)).toEqual(counts);

    clock.advanceDays(89);
    expect((await maintainLifecycle(elf.context)).archived).toEqual([]);
    clock.advanceDays(1);
    expect((await maintainLifecycle(elf.context)).archived.map((a) => a.id)).toEqual([plain.id]);
    expect(await row(elf, plain.id)).toMatchObject({ status: 'archived' });
    expect((await maintainLifecycle(elf.context)).archived).toEqual([]);

    const revived = await reviveHeuristic(elf.context, { id: plain.id });
    expect(revived).toMatchObject({ oldConfidence: 0.1998, newConfidence: 0.35 });
    expect(await row(elf, plain.id)).toMatchObject({ status: 'active', confidence: 0.35, decay_steps: 0 });
    await expect(reviveHeuristic(elf.context, { id: plain.id })).rejects.toThrow('is active');
  });

  it('revives a dormant heuristic when a task matches it strongly, not on a passing mention', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({
      domain: 'database',
      rule: 'Run database migrations inside a transaction with a lock timeout',
    });
    await elf.db
      .updateTable('heuristics')
      .set({ status: 'dormant', confidence: 0.15 })
      .where('id', '=', h.id)
      .execute();
    expect(await reviveMatching(elf.context, 'Update the README about the database')).toEqual([]);
    const revived = await reviveMatching(
      elf.context,
      'Write the migrations for the orders table; run them in a transaction and set a lock timeout',
    );
    expect(revived.map((r) => [r.heuristicId, r.newConfidence])).toEqual([[h.id, 0.35]]);
    expect(await row(elf, h.id)).toMatchObject({ status: 'active' });
    expect((await audit(elf, h.id)).at(-1)).toMatchObject({ update_type: 'revived', source: 'system' });
  });

  it('runs the daily pass once per UTC day when asked by the hooks', async () => {
    const { elf, clock } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'ops', rule: 'Tag every release' });
    expect(await maintainIfDue(elf.context)).not.toBeNull();
    expect(await maintainIfDue(elf.context)).toBeNull();
    clock.advanceDays(30);
    const report = await maintainIfDue(elf.context);
    expect(report?.decayed.map((d) => d.id)).toEqual([h.id]);
    expect(await maintainIfDue(elf.context)).toBeNull();
  });

  it('demotes a golden rule whose confidence falls below 0.7, whatever moved it there', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'ops', rule: 'Deploy on Fridays only with a rollback plan' });
    await elf.db
      .updateTable('heuristics')
      .set({ is_golden: 1, confidence: 0.72, times_validated: 20 })
      .where('id', '=', h.id)
      .execute();
    // 0.72 → target 0.576, α 0.25 → 0.684: below the floor.
    const result = await applyOutcome(elf.context, { heuristicId: h.id, event: 'violated', sessionId: 's' });
    expect(result).toMatchObject({ newConfidence: 0.684, demoted: true });
    expect(await row(elf, h.id)).toMatchObject({ is_golden: 0, confidence: 0.684 });
    expect((await audit(elf, h.id)).map((a) => [a.update_type, a.source])).toEqual([
      ['violated', 'auto'],
      ['demoted', 'system'],
    ]);
    // Demoted by hand from 0.97: capped at 0.8, so it must earn promotion again.
    const strong = await elf.recordHeuristic({ domain: 'ops', rule: 'Keep runbooks next to the code' });
    await elf.db
      .updateTable('heuristics')
      .set({ is_golden: 1, confidence: 0.97 })
      .where('id', '=', strong.id)
      .execute();
    expect(await demoteHeuristic(elf.context, { id: strong.id })).toMatchObject({ is_golden: false, confidence: 0.8 });
  });

  it('re-recording a rule is limited like the hooks: it cannot make a rule golden in one session', async () => {
    const { elf } = await openTempElf({ sessionId: 'agent-session' });
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Validate request bodies at the edge' });
    for (let i = 0; i < 40; i++)
      await elf.recordHeuristic({ domain: 'api', rule: 'Validate request bodies at the edge' });
    expect(await row(elf, h.id)).toMatchObject({ times_validated: 1, confidence: 0.54, is_golden: 0 });
  });

  it('keeps the newest changes in the history when there are more than the limit', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Log every retry with its cause' });
    for (let i = 0; i < 12; i++) await validateHeuristic(elf.context, { id: h.id, note: `check ${i}` });
    const history = await heuristicHistory(elf.context, h.id, 5);
    expect(history.updates.map((u) => u.reason)).toEqual(['check 7', 'check 8', 'check 9', 'check 10', 'check 11']);
  });
});
