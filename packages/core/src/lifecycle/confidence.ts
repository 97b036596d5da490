import { ElfError, type HeuristicRow } from '@elf/schema';

// The one confidence model (docs/lifecycle.md has the formulas with worked numbers).
//
// An outcome first sets a diminishing-returns target — success moves toward 1 by a fraction of
// the remaining distance, failure toward 0 by a fraction of the current value, contradiction more
// strongly — and the new confidence is an exponential moving average toward that target: quick
// while a rule is new (warm-up), steadier once it has a record. Decay and revival set the value
// directly (no smoothing). Non-golden heuristics stay within [0.05, 0.95]: nothing is ever
// certain or worthless until a person says so; golden rules may reach 1.

/** Events that change a heuristic's confidence or counters. */
export type ConfidenceEvent = 'validated' | 'violated' | 'contradicted' | 'consulted' | 'decay' | 'revived' | 'manual';

export const confidenceModel = {
  /** validated: target = c + success·(1 − c) */
  success: 0.2,
  /** violated: target = c − failure·c */
  failure: 0.2,
  /** contradicted: target = c − contradiction·c */
  contradiction: 0.35,
  /** EMA weight while the heuristic has had fewer than `warmupApplications` outcomes. */
  warmupAlpha: 0.4,
  warmupApplications: 5,
  /** EMA weight afterwards. */
  alpha: 0.25,
  /** decay: c × decayFactor per idle period. */
  decayFactor: 0.92,
  /** revived: max(c, revivalFloor). */
  revivalFloor: 0.35,
  min: 0.05,
  max: 0.95,
  goldenMax: 1,
} as const;

export interface ConfidenceState {
  confidence: number;
  /** Outcomes so far: times_validated + times_violated + times_contradicted. */
  applications: number;
  golden: boolean;
}

export interface ConfidenceStep {
  next: number;
  /** The diminishing-returns target before smoothing (null for events that set the value). */
  target: number | null;
  /** The EMA weight used (null when no smoothing applies). */
  alpha: number | null;
}

export const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

export function confidenceBounds(golden: boolean): { min: number; max: number } {
  return { min: confidenceModel.min, max: golden ? confidenceModel.goldenMax : confidenceModel.max };
}

export function clampConfidence(value: number, golden: boolean): number {
  const { min, max } = confidenceBounds(golden);
  return round4(Math.min(max, Math.max(min, value)));
}

/**
 * The confidence after one event. `manual` sets `value` (clamped); `consulted` (outcome unknown)
 * leaves it unchanged. Pure: the caller stores it, counts it and audits it.
 */
export function confidenceStep(state: ConfidenceState, event: ConfidenceEvent, value?: number): ConfidenceStep {
  const c = state.confidence;
  const m = confidenceModel;
  const smooth = (target: number): ConfidenceStep => {
    const alpha = state.applications < m.warmupApplications ? m.warmupAlpha : m.alpha;
    return { next: clampConfidence(alpha * target + (1 - alpha) * c, state.golden), target: round4(target), alpha };
  };
  switch (event) {
    case 'validated':
      return smooth(c + m.success * (1 - c));
    case 'violated':
      return smooth(c - m.failure * c);
    case 'contradicted':
      return smooth(c - m.contradiction * c);
    case 'consulted':
      return { next: c, target: null, alpha: null };
    case 'decay':
      return { next: clampConfidence(c * m.decayFactor, state.golden), target: null, alpha: null };
    case 'revived':
      return { next: clampConfidence(Math.max(c, m.revivalFloor), state.golden), target: null, alpha: null };
    case 'manual':
      if (value === undefined || !Number.isFinite(value)) {
        throw new ElfError('INVALID_INPUT', 'value: a manual confidence change needs a finite number', {
          field: 'value',
        });
      }
      return { next: clampConfidence(value, state.golden), target: null, alpha: null };
  }
}

/** Promotion to golden rule: proven often, rarely wrong. */
export const promotion = { minConfidence: 0.9, minValidated: 10, maxViolationShare: 0.1 } as const;

/**
 * Thresholds of a golden rule: confidence ≥ 0.9, validated ≥ 10 times, and violations (violated
 * plus contradicted) at most 10 % of its applications — a real division, not the original's
 * integer one (`validated / violated > 10`), which refused 10 : 1 (9 %) and 32 : 3 (8.6 %).
 */
export function qualifiesForGolden(
  h: Pick<HeuristicRow, 'confidence' | 'times_validated' | 'times_violated'> &
    Partial<Pick<HeuristicRow, 'times_contradicted'>>,
): boolean {
  const failures = h.times_violated + (h.times_contradicted ?? 0);
  const applications = h.times_validated + failures;
  return (
    h.confidence >= promotion.minConfidence &&
    h.times_validated >= promotion.minValidated &&
    failures <= promotion.maxViolationShare * applications
  );
}
