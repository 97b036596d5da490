import { utf8ByteBound } from '@elf/core';
import { describe, expect, it } from 'vitest';
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

  it('cuts at a word boundary otherwise, never inside a word', () => {
    const short = shorten(text, 60, tokenModel()) ?? '';
    expect(utf8ByteBound.count(short)).toBeLessThanOrEqual(60);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(text[short.length - 1]).toMatch(/\s/);
  });

  it('gives up when nothing useful fits', () => {
    expect(shorten(text, 5, tokenModel())).toBeNull();
    expect(shorten(text, 0, tokenModel(words))).toBeNull();
    expect(minUsefulChars).toBeGreaterThan(10);
  });
});
