import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ratedScore, rating } from './spike-ratings.js';

describe('ratedScore', () => {
  it('is the running average of all ratings', () => {
    expect(ratedScore(0, 0, 4)).toBe(4);
    expect(ratedScore(4, 1, 2)).toBe(3);
    expect(ratedScore(2, 1, 4)).toBe(3);
    expect(ratedScore(3, 2, 0)).toBe(2);
    expect(ratedScore(1, 2, 2)).toBe(1.3333);
  });

  it('stays within 0..5 for any ratings', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 50 }), (ratings) => {
        let score = 0;
        ratings.forEach((r, n) => {
          score = ratedScore(score, n, r);
        });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('rating', () => {
  it('accepts numbers and numeric text from 0 to 5 only', () => {
    expect(['0', '5', ' 3.5 ', 4, 0.5].map((x) => v.parse(rating, x))).toEqual([0, 5, 3.5, 4, 0.5]);
    for (const bad of [-1, 6, Number.NaN, Number.POSITIVE_INFINITY, '-1', '6', 'NaN', 'five', '', '1e0', null]) {
      expect(v.safeParse(rating, bad).success, String(bad)).toBe(false);
    }
  });
});
