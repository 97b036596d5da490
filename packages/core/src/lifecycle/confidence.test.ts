import { describe, expect, it } from 'vitest';
import { confidenceStep, qualifiesForGolden } from './confidence.js';
import { decayStepsDue } from './maintain.js';
import { defaultLifecycleConfig } from './settings.js';

const fresh = { confidence: 0.5, applications: 0, golden: false };
const seasoned = { confidence: 0.5, applications: 10, golden: false };

describe('confidenceStep', () => {
  it('pins the first outcome from 0.5 (warm-up: α = 0.4)', () => {
    expect(confidenceStep(fresh, 'validated')).toEqual({ next: 0.54, target: 0.6, alpha: 0.4 });
    expect(confidenceStep(fresh, 'violated')).toEqual({ next: 0.46, target: 0.4, alpha: 0.4 });
    expect(confidenceStep(fresh, 'contradicted')).toEqual({ next: 0.43, target: 0.325, alpha: 0.4 });
    expect(confidenceStep(fresh, 'consulted')).toEqual({ next: 0.5, target: null, alpha: null });
  });

  it('smooths more once the rule has five outcomes (α = 0.25)', () => {
    expect(confidenceStep({ ...fresh, applications: 4 }, 'validated').alpha).toBe(0.4);
    expect(confidenceStep({ ...fresh, applications: 5 }, 'validated').alpha).toBe(0.25);
    expect(confidenceStep(seasoned, 'validated').next).toBe(0.525);
    expect(confidenceStep(seasoned, 'violated').next).toBe(0.475);
    expect(confidenceStep(seasoned, 'contradicted').next).toBe(0.4563);
  });

  it('has diminishing returns: the same success moves a strong rule less than a weak one', () => {
    const weak = confidenceStep({ ...seasoned, confidence: 0.3 }, 'validated').next - 0.3;
    const strong = confidenceStep({ ...seasoned, confidence: 0.8 }, 'validated').next - 0.8;
    expect(weak).toBeCloseTo(0.035, 4);
    expect(strong).toBeCloseTo(0.01, 4);
  });

  it('keeps non-golden heuristics within [0.05, 0.95]; golden rules may reach 1', () => {
    expect(confidenceStep({ ...seasoned, confidence: 0.95 }, 'validated').next).toBe(0.95);
    expect(confidenceStep({ ...seasoned, confidence: 0.95, golden: true }, 'validated').next).toBe(0.9525);
    expect(confidenceStep({ ...seasoned, confidence: 0.05 }, 'contradicted').next).toBe(0.05);
    let c = 0.5;
    for (let i = 0; i < 500; i++) c = confidenceStep({ ...seasoned, confidence: c }, 'validated').next;
    expect(c).toBe(0.95);
    for (let i = 0; i < 500; i++) c = confidenceStep({ ...seasoned, confidence: c }, 'violated').next;
    expect(c).toBe(0.05);
    expect(confidenceStep(seasoned, 'manual', 1.2).next).toBe(0.95);
    expect(confidenceStep({ ...seasoned, golden: true }, 'manual', 1.2).next).toBe(1);
    expect(() => confidenceStep(seasoned, 'manual')).toThrow(
      expect.objectContaining({ name: 'ElfError', code: 'INVALID_INPUT', field: 'value' }),
    );
    expect(() => confidenceStep(seasoned, 'manual', Number.NaN)).toThrow(/^value: /);
  });

  it('decays by × 0.92 and revives to at least 0.35, without smoothing', () => {
    expect(confidenceStep(seasoned, 'decay')).toEqual({ next: 0.46, target: null, alpha: null });
    expect(confidenceStep({ ...seasoned, confidence: 0.06 }, 'decay').next).toBe(0.0552);
    expect(confidenceStep({ ...seasoned, confidence: 0.05 }, 'decay').next).toBe(0.05);
    expect(confidenceStep({ ...seasoned, confidence: 0.1 }, 'revived').next).toBe(0.35);
    expect(confidenceStep({ ...seasoned, confidence: 0.6 }, 'revived').next).toBe(0.6);
  });
});

describe('qualifiesForGolden', () => {
  it('promotes exactly at the thresholds and not one below', () => {
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 10, times_violated: 0 })).toBe(true);
    expect(qualifiesForGolden({ confidence: 0.8999, times_validated: 10, times_violated: 0 })).toBe(false);
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 9, times_violated: 0 })).toBe(false);
    // Violations at most 10 % of applications, by real division: 2 of 20 passes, 2 of 19 does not.
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 18, times_violated: 2 })).toBe(true);
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 17, times_violated: 2 })).toBe(false);
    // The original's integer division refused 10 : 1 (9 %); this passes it.
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 10, times_violated: 1 })).toBe(true);
    // Contradictions count as violations.
    expect(qualifiesForGolden({ confidence: 0.9, times_validated: 17, times_violated: 1, times_contradicted: 1 })).toBe(
      false,
    );
  });
});

describe('decayStepsDue', () => {
  const at = (days: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + days * 86_400_000).toISOString();
  it('starts after 30 idle days and adds a step every 14 days', () => {
    const due = (days: number) => decayStepsDue(at(0), at(days), defaultLifecycleConfig);
    expect([due(0), due(29.9), due(30), due(43.9), due(44), due(58)]).toEqual([0, 0, 1, 1, 2, 3]);
  });
});
