import { describe, expect, it } from 'vitest';
import { defaultWeights } from '../config.js';
import { relevance } from './score.js';

const base = { text: 0, domain: 0, confidence: 0.5, timesValidated: 0, ageDays: null, boost: 1 };

describe('relevance', () => {
  it('is zero without a text or domain match, whatever the quality; with a task, the domain alone is worth little', () => {
    expect(relevance({ ...base, confidence: 1, timesValidated: 50 }, defaultWeights).score).toBe(0);
    const domainOnly = relevance({ ...base, domain: 1 }, defaultWeights).score;
    expect(domainOnly).toBeGreaterThan(0);
    expect(domainOnly).toBeLessThan(relevance({ ...base, text: 0.15 }, defaultWeights).score);
    // Without a task the domain is all there is.
    expect(relevance({ ...base, text: null, domain: 1 }, defaultWeights).score).toBeGreaterThan(domainOnly);
  });

  it('rises with text match, domain match, confidence and validations', () => {
    const score = (input: Partial<typeof base>) => relevance({ ...base, ...input }, defaultWeights).score;
    expect(score({ text: 1 })).toBeGreaterThan(score({ text: 0.5 }));
    expect(score({ text: 0.5, domain: 1 })).toBeGreaterThan(score({ text: 0.5 }));
    expect(score({ text: 1, confidence: 0.9 })).toBeGreaterThan(score({ text: 1, confidence: 0.3 }));
    expect(score({ text: 1, timesValidated: 20 })).toBeGreaterThan(score({ text: 1, timesValidated: 1 }));
  });

  it('halves recency every 30 days for items that age, and boosts failures', () => {
    const w = { ...defaultWeights, qualityInfluence: 1, confidence: 0, validation: 0, recency: 1 };
    const fresh = relevance({ ...base, text: 1, ageDays: 0 }, w).score;
    expect(relevance({ ...base, text: 1, ageDays: 30 }, w).score).toBeCloseTo(fresh / 2, 6);
    expect(relevance({ ...base, text: 1, ageDays: null }, w).score).toBeCloseTo(fresh, 6);
    expect(relevance({ ...base, text: 1, boost: 1.15 }, defaultWeights).score).toBeCloseTo(
      1.15 * relevance({ ...base, text: 1 }, defaultWeights).score,
      6,
    );
  });

  it('is exactly match × quality with the default weights', () => {
    const { score } = relevance(
      { text: 1, domain: 1, confidence: 0.8, timesValidated: 0, ageDays: null, boost: 1 },
      defaultWeights,
    );
    const w = defaultWeights;
    const mix = (w.confidence * 0.8 + w.validation * 0 + w.recency * 1) / (w.confidence + w.validation + w.recency);
    const quality = 1 - w.qualityInfluence + w.qualityInfluence * mix;
    expect(score).toBeCloseTo(1 * (w.text + w.domain * 1) * quality + w.domainAlone * quality, 10);
  });
});
