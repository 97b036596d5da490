import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { confidenceStep, qualifiesForGolden } from './confidence.js';
import { provenWrong } from './outcome-transition.js';
import { defaultLifecycleConfig } from './settings.js';

// The model alone, over many seeds: does it separate a good rule (90 % success) from a bad one
// (30 %) within 1,000 sessions, whatever the luck of the draw? The CLI's simulation test runs
// one seed through the real hooks; this runs 500 through the formulas.

function simulate(success: number, seed: number) {
  const random = seededRandom(seed);
  const h = { confidence: 0.5, times_validated: 0, times_violated: 0, golden: false, dormant: false };
  let promotedAt: number | null = null;
  for (let session = 1; session <= 1000 && !h.dormant; session++) {
    const ok = random() < success;
    const applications = h.times_validated + h.times_violated;
    h.confidence = confidenceStep(
      { confidence: h.confidence, applications, golden: h.golden },
      ok ? 'validated' : 'violated',
    ).next;
    if (ok) h.times_validated++;
    else h.times_violated++;
    if (!h.golden && qualifiesForGolden(h)) {
      h.golden = true;
      promotedAt = session;
    }
    const record = { violations: h.times_violated, validations: h.times_validated };
    if (
      !h.golden &&
      (h.confidence < defaultLifecycleConfig.dormantBelow || (!ok && provenWrong(record, defaultLifecycleConfig)))
    )
      h.dormant = true;
  }
  return { ...h, promotedAt };
}

describe('the confidence model over 500 seeds', () => {
  it('promotes a 90 % rule in most runs, never a 30 % rule, and puts every 30 % rule to sleep', () => {
    const good = Array.from({ length: 500 }, (_, i) => simulate(0.9, i + 1));
    const bad = Array.from({ length: 500 }, (_, i) => simulate(0.3, i + 10_001));
    const promoted = good.filter((g) => g.golden).length / good.length;
    // A 90 % rule sits right at the "violations ≤ 10 %" threshold, so a few unlucky runs never
    // get their share under it within 1,000 sessions; the rest are promoted, most within ~50.
    expect(promoted).toBeGreaterThan(0.9);
    const times = good.flatMap((g) => (g.promotedAt === null ? [] : [g.promotedAt])).sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(100);
    expect(good.filter((g) => g.dormant).length).toBeLessThanOrEqual(2);
    expect(bad.every((b) => b.dormant && !b.golden)).toBe(true);
  });

  it('rarely puts a rule that holds half the time or more to sleep', () => {
    const rate = (success: number) =>
      Array.from({ length: 500 }, (_, i) => simulate(success, i + 20_001)).filter((r) => r.dormant).length / 500;
    const half = rate(0.5);
    const mostly = rate(0.7);
    console.log(`dormant within 1,000 sessions: 50 % rules ${half}, 70 % rules ${mostly}`);
    // Those that fail their first three tries: 0.3³ and 0.5³.
    expect(mostly).toBeLessThan(0.05);
    expect(half).toBeLessThan(0.2);
  });
});
