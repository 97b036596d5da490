import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendNote, assumptionStanding } from './assumptions.js';

describe('assumptionStanding', () => {
  it('is verified at the 3rd verification, not the 4th', () => {
    expect(assumptionStanding(1, 0)).toEqual({ confidence: 1, status: 'active' });
    expect(assumptionStanding(2, 0)).toEqual({ confidence: 1, status: 'active' });
    expect(assumptionStanding(3, 0)).toEqual({ confidence: 1, status: 'verified' });
  });

  it('is challenged below 0.3 and invalidated at 0', () => {
    expect(assumptionStanding(3, 7)).toEqual({ confidence: 0.3, status: 'verified' });
    expect(assumptionStanding(3, 8)).toEqual({ confidence: 0.2727, status: 'challenged' });
    expect(assumptionStanding(1, 3)).toEqual({ confidence: 0.25, status: 'challenged' });
    expect(assumptionStanding(0, 1)).toEqual({ confidence: 0, status: 'invalidated' });
  });

  it('keeps confidence within 0..1 with at most 4 decimals', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (verified, challenged) => {
        fc.pre(verified + challenged > 0);
        const { confidence } = assumptionStanding(verified, challenged);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
        expect(Math.round(confidence * 10_000) / 10_000).toBe(confidence);
      }),
    );
  });
});

describe('appendNote', () => {
  it('adds a dated line and refuses to overflow the column', () => {
    expect(appendNote(null, 'verified', '2026-11-26T12:00:00.000Z', 'seen in CI', 100)).toBe(
      '[verified 2026-11-26] seen in CI',
    );
    expect(appendNote('before', 'challenged', '2026-11-27T00:00:00.000Z', 'no', 100)).toBe(
      'before\n[challenged 2026-11-27] no',
    );
    expect(() => appendNote('x'.repeat(95), 'verified', '2026-11-26T00:00:00.000Z', 'too long', 100)).toThrow(/^note:/);
  });
});
