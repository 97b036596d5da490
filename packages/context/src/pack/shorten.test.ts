import { describe, expect, it } from 'vitest';
import { loadO200kCounter } from '../tokens/o200k-counter.js';
import { tokenModel } from '../tokens/token-model.js';
import { minUsefulChars, shorten } from './shorten.js';

const words = { name: 'words', count: (t: string) => t.split(/\s+/).filter(Boolean).length };

describe('shorten', () => {
  const text =
    'Run schema migrations in small batches. Large ALTER TABLE statements hold the write lock and time out requests. Schedule them off-peak.';

  it('cuts at a sentence end when that keeps most of what fits, and marks the cut', () => {
    const short = shorten(text, 13, tokenModel(words));
    expect(short).toBe('Run schema migrations in small batches. Large ALTER TABLE statements hold the write…');
    expect(words.count(short ?? '')).toBeLessThanOrEqual(13);
  });

  it('cuts at a word boundary otherwise, never inside a word, within the budget by the real count', async () => {
    const o200k = await loadO200kCounter();
    for (const [budget, stored] of [
      [60, undefined],
      [20, o200k.count(text)],
    ] as const) {
      const short = shorten(text, budget, tokenModel(), stored) ?? '';
      expect(short).not.toBe('');
      expect(o200k.count(short)).toBeLessThanOrEqual(budget);
      expect(text.startsWith(short.slice(0, -1))).toBe(true);
      expect(text[short.length - 1]).toMatch(/\s/);
    }
  });

  it('keeps more of an item whose whole count is stored than its byte length allows', () => {
    expect(shorten(text, 20, tokenModel())).toBeNull();
    expect(shorten(text, 20, tokenModel(), 26)?.length).toBeGreaterThan(minUsefulChars);
  });

  it('gives up when nothing useful fits', () => {
    expect(shorten(text, 5, tokenModel())).toBeNull();
    expect(shorten(text, 0, tokenModel(words))).toBeNull();
    expect(minUsefulChars).toBeGreaterThan(10);
  });
});
