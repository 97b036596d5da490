import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/esm/encodingParams/constants';
import { describe, expect, it } from 'vitest';
import { decorate } from '../candidates/decorate.js';
import { loadO200kCounter } from './o200k-counter.js';
import { chunkFloor, o200kPieces, pieceBound } from './pretoken-bound.js';

const samples = [
  'constructor toString valueOf __proto__ hasOwnProperty',
  'Run schema migrations in small batches — ALTER TABLE holds the write lock.',
  'résumé naïve 東京 🙂 JSON.parse try/catch «quoted» ',
  "don't  stop\n\n  indented\r\nline/path/to/file.ts:12:5",
  '',
];

describe('piece bounds (the cold path prices text without the tokenizer)', () => {
  it('split text exactly as o200k does, plain text (ASCII and symbols) by the fast pattern too', () => {
    const plain = [
      ' (0.85, 12✓)\n',
      '- [failure, database, 3d ago] ',
      '- VIOLATED 3×: Keep the API stable — "don\'t" break it… (review #12)\n',
      "It's DON'T-style UPPERCASE and MiXeD 12345 words\r\n\n  spaces /path/to/x.ts:1:2",
    ];
    for (const text of [...samples, ...plain])
      expect(
        [...o200kPieces(text)].map((m) => m[0]),
        text,
      ).toEqual([...text.matchAll(O200K_TOKEN_SPLIT_REGEX)].map((m) => m[0]));
  });

  it('count every one- to three-digit group as one token', async () => {
    const o200k = await loadO200kCounter();
    for (let n = 0; n < 1000; n++)
      for (const digits of [String(n), String(n).padStart(2, '0'), String(n).padStart(3, '0')])
        expect(o200k.count(digits), digits).toBe(1);
  });

  it('never price below the real count, and price decorations exactly', async () => {
    const o200k = await loadO200kCounter();
    const now = new Date('2026-12-03T00:00:00Z');
    const decorations = [
      decorate.heuristic({ confidence: 0.85, times_validated: 12 }),
      decorate.heuristic({ confidence: 0.5, times_validated: 1234 }),
      decorate.learning(now, { type: 'failure', domain: 'database', created_at: '2026-11-20T00:00:00Z' }),
      decorate.learning(now, { type: 'observation', domain: 'observability', created_at: '2025-01-01T00:00:00Z' }),
      decorate.invariant({ status: 'violated', violation_count: 3 }),
      decorate.assumption({ status: 'challenged', confidence: 0.4 }),
      decorate.review({ id: 4711 }),
    ];
    for (const { prefix, suffix } of decorations) {
      for (const text of [prefix, suffix]) expect(pieceBound(text), text).toBe(o200k.count(text));
    }
    for (const text of samples) {
      expect(Number.isInteger(pieceBound(text)), text).toBe(true);
      expect(pieceBound(text)).toBeGreaterThanOrEqual(o200k.count(text));
      expect(chunkFloor(text)).toBeLessThanOrEqual(o200k.count(text));
    }
  });
});
