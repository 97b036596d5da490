import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { p95Of, p95Rank } from './p95.js';

describe('p95Of', () => {
  it('equals the nearest-rank p95 of all durations, reading only a window of the stored ones', async () => {
    const duration = fc.integer({ min: 0, max: 40 }).map((n) => n / 8);
    await fc.assert(
      fc.asyncProperty(
        fc.array(duration, { maxLength: 300 }),
        fc.array(duration, { maxLength: 50 }),
        async (stored, pending) => {
          const sorted = [...stored].sort((a, b) => a - b);
          let read = 0;
          const p95 = await p95Of(sorted.length, pending, async (from, count) => {
            read += count;
            return sorted.slice(from, from + count);
          });
          const all = [...stored, ...pending].sort((a, b) => a - b);
          expect(p95).toBe(all.length === 0 ? null : all[p95Rank(all.length)]);
          expect(read).toBeLessThanOrEqual(pending.length + 1);
        },
      ),
    );
  });

  it('places p95 by nearest rank', () => {
    // 20 values: the 19th; 21: the 20th; 1: the only one.
    expect([20, 21, 1, 100].map(p95Rank)).toEqual([18, 19, 0, 94]);
  });
});
