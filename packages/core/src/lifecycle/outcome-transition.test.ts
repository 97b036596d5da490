import { ElfError, type HeuristicRow } from '@elf/schema';
import { describe, expect, it } from 'vitest';
import { at, transitionInput as event, heuristicRow as row } from './outcome-fixtures.js';
import { outcomeTransition, type TransitionFacts, type TransitionInput } from './outcome-transition.js';
import { defaultLifecycleConfig as config } from './settings.js';

const open: TransitionFacts = { rateLimited: null };
const run = (h: HeuristicRow, input: Partial<TransitionInput>, facts = open, settings = config) =>
  outcomeTransition(h, event(input), settings, facts);

describe('outcomeTransition: events', () => {
  it('moves a validated rule up, counts it, marks it used and audits target and α', () => {
    const t = run(row(), { reason: 'tests passed' });
    expect(t?.patch).toEqual({
      ...{ times_validated: 1, times_violated: 0, times_contradicted: 0, times_consulted: 0 },
      ...{ confidence: 0.54, updated_at: at, last_used_at: at, decay_steps: 0 },
    });
    expect(t?.audit).toEqual({
      ...{ heuristicId: 7, type: 'validated', oldConfidence: 0.5, newConfidence: 0.54, rawTarget: 0.6, alpha: 0.4 },
      ...{ source: 'auto', sessionId: 's1', agentId: 'a1', at, reason: 'tests passed' },
    });
    expect(t?.result).toEqual({
      ...{ heuristicId: 7, event: 'validated', oldConfidence: 0.5, newConfidence: 0.54, target: 0.6, alpha: 0.4 },
      ...{ promoted: false, promotionSuggested: false, demoted: false, demotionSuggested: false },
      ...{ becameDormant: false, rateLimited: false },
    });
    expect(Object.keys(t?.result ?? {})).toEqual([
      ...['heuristicId', 'event', 'oldConfidence', 'promoted', 'promotionSuggested', 'demoted'],
      ...['demotionSuggested', 'becameDormant', 'newConfidence', 'target', 'alpha', 'rateLimited'],
    ]);
    expect(t?.updated).toEqual({ ...row(), ...t?.patch });
  });

  it('moves violated and contradicted rules down by their own counters', () => {
    expect(run(row(), { event: 'violated' })?.patch).toMatchObject({ confidence: 0.46, times_violated: 1 });
    expect(run(row(), { event: 'contradicted' })?.patch).toMatchObject({ confidence: 0.43, times_contradicted: 1 });
    expect(run(row(), { event: 'contradicted' })?.audit).toMatchObject({ rawTarget: 0.325, alpha: 0.4 });
  });

  it('counts a consultation without moving the confidence, but as a use', () => {
    const t = run(row(), { event: 'consulted' });
    expect(t?.patch).toMatchObject({ confidence: 0.5, times_consulted: 1, last_used_at: at, decay_steps: 0 });
    expect(t?.audit).toMatchObject({ type: 'consulted', newConfidence: 0.5, rawTarget: null, alpha: null });
  });

  it('applies several decay steps at once and adds them to decay_steps, without marking a use', () => {
    const t = run(row(), { event: 'decay', source: 'system', steps: 3, reason: 'unused for 58 days' });
    expect(t?.patch).toMatchObject({ confidence: 0.3893, decay_steps: 5, updated_at: at });
    expect(t?.patch).not.toHaveProperty('last_used_at');
    expect(t?.audit).toMatchObject({ type: 'decay', newConfidence: 0.3893, reason: 'unused for 58 days' });
    expect(run(row(), { event: 'decay', source: 'system' })?.patch).toMatchObject({ confidence: 0.46, decay_steps: 3 });
    expect(run(row(), { event: 'decay', source: 'system', steps: 0 })?.patch.decay_steps).toBe(3);
  });

  it('revives a dormant or archived heuristic to at least 0.35 and makes it active again', () => {
    for (const status of ['dormant', 'archived'] as const) {
      const t = run(row({ status, confidence: 0.1, status_reason: 'why' }), { event: 'revived', source: 'manual' });
      expect(t?.patch).toMatchObject({
        confidence: 0.35,
        status: 'active',
        status_reason: null,
        status_changed_at: at,
      });
      expect(t?.decisions.becomeDormant).toBe(false);
    }
  });

  it('sets a manual value within the bounds, audited as merged when asked', () => {
    expect(run(row(), { event: 'manual', source: 'manual', value: 0.8 })?.patch.confidence).toBe(0.8);
    expect(run(row(), { event: 'manual', source: 'manual', value: 2 })?.patch.confidence).toBe(0.95);
    const merged = run(row(), { event: 'manual', source: 'manual', value: 0.7, auditAs: 'merged' });
    expect(merged?.audit).toMatchObject({ type: 'merged', newConfidence: 0.7 });
    expect(merged?.result.event).toBe('manual');
    expect(() => run(row(), { event: 'manual', source: 'manual' })).toThrow(/^value: /);
  });
});

describe('outcomeTransition: rate limit and dormancy', () => {
  it('holds back a limited automatic outcome: audited with the reason, still a use', () => {
    const t = run(row(), { event: 'violated', reason: 'exit 1' }, { rateLimited: 'session' });
    expect(t?.patch).toEqual({ last_used_at: at, decay_steps: 0 });
    expect(t?.audit).toMatchObject({ type: 'violated', oldConfidence: 0.5, newConfidence: 0.5, rateLimited: true });
    expect(t?.audit.reason).toBe('already updated in this session: exit 1');
    expect(t?.result).toMatchObject({ newConfidence: 0.5, target: null, alpha: null, rateLimited: 'session' });
    const daily = run(row(), {}, { rateLimited: 'daily' });
    expect(daily?.audit.reason).toBe('daily cap of 5 reached');
    expect(daily?.result.rateLimited).toBe('daily');
    expect(run(row(), {}, { rateLimited: 'daily' }, { ...config, dailyCap: 9 })?.audit.reason).toBe(
      'daily cap of 9 reached',
    );
  });

  it('heeds the verdict only for an automatic outcome', () => {
    const limited: TransitionFacts = { rateLimited: 'session' };
    expect(run(row(), { source: 'manual' }, limited)?.result.rateLimited).toBe(false);
    expect(run(row(), { event: 'decay', source: 'system' }, limited)?.result.rateLimited).toBe(false);
    expect(run(row(), { event: 'manual', source: 'auto', value: 0.6 }, limited)?.result.rateLimited).toBe(false);
  });

  it('puts a heuristic to sleep below dormancy.below, and says so in the audit', () => {
    const t = run(row({ confidence: 0.21 }), { event: 'violated', reason: 'exit 1' });
    expect(t?.patch).toMatchObject({ confidence: 0.1932, status: 'dormant', status_changed_at: at });
    expect(t?.patch.status_reason).toBe('confidence 0.1932 fell below 0.2');
    expect(t?.audit.reason).toBe('exit 1; dormant: confidence 0.1932 fell below 0.2');
    expect(t?.decisions.becomeDormant).toBe(true);
    expect(t?.result.becameDormant).toBe(true);
    expect(run(row({ confidence: 0.21 }), { event: 'consulted' })?.decisions.becomeDormant).toBe(false);
    const stricter = run(row({ confidence: 0.3 }), { event: 'violated' }, open, { ...config, dormantBelow: 0.3 });
    expect(stricter?.patch.status).toBe('dormant');
    expect(run(row({ confidence: 0.21, is_golden: 1 }), { event: 'violated' })?.patch).not.toHaveProperty('status');
  });

  it('puts a heuristic proven wrong to sleep: dormancy.after-violations violations and never held', () => {
    // The third violation of a new rule at 0.5: its confidence (0.39) is far above the floor.
    const third = run(row({ confidence: 0.4232, times_violated: 2 }), { event: 'violated', reason: 'exit 1' });
    expect(third?.patch).toMatchObject({ confidence: 0.3893, status: 'dormant', status_changed_at: at });
    expect(third?.patch.status_reason).toBe('violated 3 times, validated 0');
    expect(third?.audit.reason).toBe('exit 1; dormant: violated 3 times, validated 0');
    expect(third?.result.becameDormant).toBe(true);
    // Contradictions count as violations.
    const mixed = run(row({ times_violated: 1, times_contradicted: 1 }), { event: 'contradicted' });
    expect(mixed?.patch.status).toBe('dormant');
    // Not yet: two violations; nor a rule that held even once (it is weak, not wrong).
    expect(run(row({ times_violated: 1 }), { event: 'violated' })?.patch).not.toHaveProperty('status');
    expect(run(row({ times_violated: 5, times_validated: 1 }), { event: 'violated' })?.patch).not.toHaveProperty(
      'status',
    );
    // A validation never puts a rule to sleep, whatever its record; nor is a golden rule put to sleep.
    expect(run(row({ times_violated: 5 }), { event: 'validated' })?.patch).not.toHaveProperty('status');
    expect(run(row({ times_violated: 5, is_golden: 1 }), { event: 'violated' })?.patch).not.toHaveProperty('status');
    // The setting moves the count.
    const patient = { ...config, dormantAfterViolations: 5 };
    expect(run(row({ times_violated: 2 }), { event: 'violated' }, open, patient)?.patch).not.toHaveProperty('status');
    expect(run(row({ times_violated: 4 }), { event: 'violated' }, open, patient)?.patch.status).toBe('dormant');
  });
});

describe('outcomeTransition: standing refusals', () => {
  it('ignores an automatic outcome on a heuristic that is no longer active', () => {
    for (const status of ['dormant', 'archived', 'retracted', 'superseded'] as const)
      expect(run(row({ status }), {})).toBeNull();
  });

  it('tells anyone else why, naming id', () => {
    const refused = (h: HeuristicRow, input: Partial<TransitionInput>) => {
      try {
        run(h, input);
      } catch (error) {
        return error instanceof ElfError ? { code: error.code, message: error.message, field: error.field } : error;
      }
      return 'not refused';
    };
    expect(refused(row({ status: 'dormant' }), { source: 'manual' })).toEqual({
      ...{ code: 'INVALID_INPUT', field: 'id' },
      message: 'id: heuristic #7 is dormant (revive it first)',
    });
    expect(refused(row({ status: 'retracted' }), { source: 'system' })).toMatchObject({
      message: 'id: heuristic #7 is retracted',
    });
    expect(refused(row(), { event: 'revived', source: 'manual' })).toMatchObject({
      message: 'id: heuristic #7 is active; only dormant or archived heuristics can be revived',
    });
    expect(refused(row({ status: 'superseded' }), { event: 'revived', source: 'system' })).toMatchObject({
      message: 'id: heuristic #7 is superseded; it cannot be revived',
    });
  });
});
