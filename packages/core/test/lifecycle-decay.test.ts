import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  demoteHeuristic,
  heuristicHistory,
  maintainIfDue,
  maintainLifecycle,
  reviveHeuristic,
  reviveMatching,
  validateHeuristic,
} from '../src/index.js';
import { auditRows as audit, heuristicRow as row } from './support/heuristic-rows.js';
import { knowledgeCounts, openTempElf } from './support/temp-elf.js';

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
    expect((await maintainLifecycle(elf.core)).decayed).toEqual([]);
    await applyOutcome(elf.core, { heuristicId: used.id, event: 'consulted', sessionId: 'x' });
    clock.advanceDays(1); // day 30: the first step
    const first = await maintainLifecycle(elf.core);
    expect(first.decayed.map((d) => [d.id, d.from, d.to, d.steps])).toEqual([[plain.id, 0.5, 0.46, 1]]);
    // The same day again: nothing is due twice.
    expect((await maintainLifecycle(elf.core)).decayed).toEqual([]);
    clock.advanceDays(28); // day 58: two more steps at once
    const later = await maintainLifecycle(elf.core);
    expect(later.decayed.find((d) => d.id === plain.id)).toMatchObject({ from: 0.46, to: 0.3893, steps: 2 });
    clock.advanceDays(14 * 6); // six more steps: 0.3893 × 0.92^6 = 0.2361 (rounded per step) — still above 0.2
    await maintainLifecycle(elf.core);
    expect(await row(elf, plain.id)).toMatchObject({ status: 'active', confidence: 0.2361 });
    clock.advanceDays(28); // two more: 0.1998 → dormant
    const dormant = await maintainLifecycle(elf.core);
    expect(dormant.dormant.map((d) => d.id)).toEqual([plain.id]);
    expect(await row(elf, plain.id)).toMatchObject({ status: 'dormant', confidence: 0.1998 });
    expect(await row(elf, golden.id)).toMatchObject({ status: 'active', confidence: 0.9, is_golden: 1 });
    expect(await elf.db.selectFrom('decisions').selectAll().executeTakeFirstOrThrow()).toEqual(before.decision);
    expect(await elf.db.selectFrom('invariants').selectAll().executeTakeFirstOrThrow()).toEqual(before.invariant);

    // An automatic outcome on a dormant heuristic does nothing; a person's is refused.
    expect(await applyOutcome(elf.core, { heuristicId: plain.id, event: 'validated', sessionId: 'y' })).toBeNull();
    const counts = await knowledgeCounts(elf);
    await expect(validateHeuristic(elf.core, { id: plain.id })).rejects.toThrow(
      `id: heuristic #${plain.id} is dormant (revive it first)`,
    );
    expect(await knowledgeCounts(elf)).toEqual(counts);

    clock.advanceDays(89);
    expect((await maintainLifecycle(elf.core)).archived).toEqual([]);
    clock.advanceDays(1);
    expect((await maintainLifecycle(elf.core)).archived.map((a) => a.id)).toEqual([plain.id]);
    expect(await row(elf, plain.id)).toMatchObject({ status: 'archived' });
    expect((await maintainLifecycle(elf.core)).archived).toEqual([]);

    const revived = await reviveHeuristic(elf.core, { id: plain.id });
    expect(revived).toMatchObject({ oldConfidence: 0.1998, newConfidence: 0.35 });
    expect(await row(elf, plain.id)).toMatchObject({ status: 'active', confidence: 0.35, decay_steps: 0 });
    await expect(reviveHeuristic(elf.core, { id: plain.id })).rejects.toThrow('is active');
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
    expect(await reviveMatching(elf.core, 'Update the README about the database')).toEqual([]);
    const revived = await reviveMatching(
      elf.core,
      'Write the migrations for the orders table; run them in a transaction and set a lock timeout',
    );
    expect(revived.map((r) => [r.heuristicId, r.newConfidence])).toEqual([[h.id, 0.35]]);
    expect(await row(elf, h.id)).toMatchObject({ status: 'active' });
    expect((await audit(elf, h.id)).at(-1)).toMatchObject({ update_type: 'revived', source: 'system' });
  });

  it('runs the daily pass once per UTC day when asked by the hooks', async () => {
    const { elf, clock } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'ops', rule: 'Tag every release' });
    expect(await maintainIfDue(elf.core)).not.toBeNull();
    expect(await maintainIfDue(elf.core)).toBeNull();
    clock.advanceDays(30);
    const report = await maintainIfDue(elf.core);
    expect(report?.decayed.map((d) => d.id)).toEqual([h.id]);
    expect(await maintainIfDue(elf.core)).toBeNull();
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
    const result = await applyOutcome(elf.core, { heuristicId: h.id, event: 'violated', sessionId: 's' });
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
    expect(await demoteHeuristic(elf.core, { id: strong.id })).toMatchObject({ is_golden: false, confidence: 0.8 });
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
    for (let i = 0; i < 12; i++) await validateHeuristic(elf.core, { id: h.id, note: `check ${i}` });
    const history = await heuristicHistory(elf.core, h.id, 5);
    expect(history.updates.map((u) => u.reason)).toEqual(['check 7', 'check 8', 'check 9', 'check 10', 'check 11']);
  });
});
