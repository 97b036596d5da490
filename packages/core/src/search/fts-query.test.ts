import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from './fts-query.js';

describe('FTS match expressions', () => {
  it('quote each content word and join them with OR', () => {
    expect(ftsMatchExpression('How do I fix the JWT login bug?')).toBe('"fix" OR "jwt" OR "login" OR "bug"');
  });

  it('drop stop words and duplicates, keep non-ASCII words (folded like the index), cap the number of terms', () => {
    expect(ftsMatchExpression('the the Über über café 東京')).toBe('"uber" OR "cafe" OR "東京"');
    expect(ftsMatchExpression(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '), 5)?.split(' OR ')).toHaveLength(
      5,
    );
    expect(ftsMatchExpression('the of and')).toBeNull();
  });

  it('whatever the input, produce only quoted word terms (no FTS syntax gets through)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const expression = ftsMatchExpression(text);
        if (expression === null) return;
        expect(expression).toMatch(/^"[\p{L}\p{N}_]+"( OR "[\p{L}\p{N}_]+")*$/u);
      }),
    );
  });
});
