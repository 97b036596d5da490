import { starterGoldenRules } from '@elf/core';
import { describe, expect, it } from 'vitest';
import headings from '../src/render/headings.json' with { type: 'json' };
import { o200k } from './support/elf.js';

describe('build-time token counts', () => {
  it('of the fixed headings match the real tokenizer (run scripts/count-headings.mjs when this fails)', async () => {
    const counter = await o200k();
    for (const [key, text] of Object.entries(headings.strings)) {
      expect(headings.tokens[key as keyof typeof headings.tokens], key).toBe(counter.count(text));
    }
  });

  it('of the starter golden rules match the real tokenizer', async () => {
    const counter = await o200k();
    for (const { rule, tokens } of starterGoldenRules) expect(tokens, rule).toBe(counter.count(rule));
  });
});
