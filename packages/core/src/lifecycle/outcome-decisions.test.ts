import type { HeuristicRow } from '@elf/schema';
import { describe, expect, it } from 'vitest';
import { noDecisions } from './outcome-decisions.js';
import { at, transitionInput as event, heuristicRow as row } from './outcome-fixtures.js';
import { outcomeTransition, type TransitionInput } from './outcome-transition.js';
import { defaultLifecycleConfig, type LifecycleConfig } from './settings.js';

const auto: LifecycleConfig = { ...defaultLifecycleConfig, promotionMode: 'auto' };
const suggest: LifecycleConfig = { ...defaultLifecycleConfig, promotionMode: 'suggest' };
const run = (h: HeuristicRow, input: Partial<TransitionInput>, config = auto) =>
  outcomeTransition(h, event(input), config, { rateLimited: null });

// One more success makes this a golden rule: 0.9 → 0.905, validated 10 times, never violated.
const nearlyGolden = row({ confidence: 0.9, times_validated: 9 });
// One more failure takes this golden rule below the floor: 0.72 → 0.684.
const shakyGolden = row({ confidence: 0.72, times_validated: 20, times_violated: 2, is_golden: 1 });
const system = { source: 'system', sessionId: 's1', agentId: 'a1', at } as const;

describe('outcomeTransition: promotion', () => {
  it('promotes at the thresholds in mode auto, as the system, whoever sent the outcome', () => {
    const t = run(nearlyGolden, { source: 'manual' });
    expect(t?.decisions.promote).toEqual({
      ...system,
      reason: 'reached the golden-rule thresholds: confidence 0.905, 10 validated, 0 violated',
    });
    expect(t?.decisions.suggestPromotion).toBe(false);
    expect(t?.result).toMatchObject({ promoted: true, promotionSuggested: false });
    expect(t?.updated).toMatchObject({ confidence: 0.905, times_validated: 10 });
  });

  it('only suggests it in mode suggest', () => {
    const t = run(nearlyGolden, {}, suggest);
    expect(t?.decisions).toMatchObject({ promote: null, suggestPromotion: true });
    expect(t?.result).toMatchObject({ promoted: false, promotionSuggested: true });
  });

  it('does not promote a rule short of a threshold, or one that is golden already', () => {
    expect(run(row({ confidence: 0.9, times_validated: 8 }), {})?.decisions.promote).toBeNull();
    expect(run(row({ confidence: 0.9, times_validated: 9, times_violated: 2 }), {})?.decisions.promote).toBeNull();
    expect(run({ ...nearlyGolden, is_golden: 1 }, {})?.decisions.promote).toBeNull();
  });

  it('checks after any update: a revived heuristic that qualifies is promoted', () => {
    const asleep = row({ status: 'dormant', confidence: 0.92, times_validated: 10 });
    expect(run(asleep, { event: 'revived', source: 'system' })?.result.promoted).toBe(true);
  });
});

describe('outcomeTransition: demotion', () => {
  it('demotes a golden rule below the confidence floor in mode auto, whatever moved it there', () => {
    const t = run(shakyGolden, { event: 'violated' });
    expect(t?.decisions.demoteForLowConfidence).toEqual({ ...system, reason: 'confidence 0.684 fell below 0.7' });
    expect(t?.decisions).toMatchObject({ suggestDemotion: false, violationCheck: null, becomeDormant: false });
    // The database demotes it (and may already have, by the violation check): not yet in the result.
    expect(t?.result).toMatchObject({ demoted: false, demotionSuggested: false, newConfidence: 0.684 });
  });

  it('only suggests it in mode suggest', () => {
    const t = run(shakyGolden, { event: 'violated' }, suggest);
    expect(t?.decisions).toMatchObject({ demoteForLowConfidence: null, suggestDemotion: true });
    expect(t?.result).toMatchObject({ demoted: false, demotionSuggested: true });
  });

  it('leaves a golden rule at or above the floor, and ordinary heuristics, alone', () => {
    expect(
      run({ ...shakyGolden, confidence: 0.8 }, { event: 'violated' })?.decisions.demoteForLowConfidence,
    ).toBeNull();
    expect(run({ ...shakyGolden, is_golden: 0 }, { event: 'violated' })?.decisions.demoteForLowConfidence).toBeNull();
  });
});

describe('outcomeTransition: violations of record', () => {
  it('asks the database to record and count a failure a person or the system reports on a golden rule', () => {
    const golden = row({ is_golden: 1, confidence: 0.95, times_validated: 20 });
    expect(
      run(golden, { event: 'violated', source: 'manual', reason: 'skipped review' })?.decisions.violationCheck,
    ).toEqual({ record: { description: 'skipped review' }, sessionId: 's1', agentId: 'a1', at });
    expect(run(golden, { event: 'contradicted', source: 'system' })?.decisions.violationCheck).toEqual({
      ...{ record: { description: 'contradicted (system)' }, sessionId: 's1', agentId: 'a1', at },
    });
    const recorded = run(golden, { event: 'violated', source: 'manual', violationRecorded: true });
    expect(recorded?.decisions.violationCheck).toEqual({ sessionId: 's1', agentId: 'a1', at });
  });

  it('does not count an automatic failure, a success, or a failure of an ordinary heuristic', () => {
    const golden = row({ is_golden: 1, confidence: 0.95, times_validated: 20 });
    expect(run(golden, { event: 'violated' })?.decisions.violationCheck).toBeNull();
    expect(run(golden, { event: 'validated', source: 'manual' })?.decisions.violationCheck).toBeNull();
    expect(run(row(), { event: 'violated', source: 'manual' })?.decisions.violationCheck).toBeNull();
  });

  it('decides nothing about standing for a held-back outcome', () => {
    const t = outcomeTransition(nearlyGolden, event(), auto, { rateLimited: 'session' });
    expect(t?.decisions).toEqual(noDecisions);
  });
});
