import type { TokenCounter } from '@elf/core';
import headings from '../render/headings.json' with { type: 'json' };
import { cutPrices, pieceBound } from './pretoken-bound.js';

/**
 * The headings' keys (headings.json "strings"), spelled out: derived from the JSON, the published
 * declaration file carried the JSON as a `var`, which TypeScript rejects in consumers that check
 * libraries (skipLibCheck: false). `headingText` fails to compile when the JSON lacks one of them.
 */
export type HeadingKey =
  | 'header'
  | 'tier0'
  | 'tier1'
  | 'tier2'
  | 'tier3'
  | 'heuristics'
  | 'learnings'
  | 'decisions'
  | 'invariants'
  | 'assumptions'
  | 'spikes'
  | 'recent_failures'
  | 'experiments'
  | 'reviews'
  | 'note';
export const headingText: Record<HeadingKey, string> = headings.strings;

/**
 * How the builder prices text against the budget.
 * - With a counter (o200k loaded, or chars ÷ 4): every piece is counted by it.
 * - Without one (a cold start): an item's stored o200k count, the headings' and decorations'
 *   counts made at build time, and for anything else a bound from its o200k pieces
 *   (tokens/pretoken-bound.ts); a shortened item from its stored count less what was cut.
 * The prices are upper bounds of the real o200k count of the rendered text, so packing by them
 * keeps the budget without loading the tokenizer.
 */
export interface TokenModel {
  readonly name: string;
  readonly exact: boolean;
  text(text: string, stored?: number | null): number;
  /**
   * The price of `text` cut to its first `end` characters (at a word boundary) with `suffix`
   * ("…") appended, for any `end` (shortening tries several); `stored` is the count of the whole
   * text, when known.
   */
  cutter(text: string, suffix: string, stored?: number | null): (end: number) => number;
  heading(key: HeadingKey): number;
}

export function tokenModel(counter?: TokenCounter): TokenModel {
  if (counter) {
    const useStored = counter.name === 'o200k_base';
    return {
      name: counter.name,
      exact: true,
      text: (text, stored) => (useStored && stored != null ? stored : counter.count(text)),
      cutter: (text, suffix) => (end) => counter.count(text.slice(0, end) + suffix),
      heading: (key) => counter.count(headings.strings[key]),
    };
  }
  return {
    name: 'o200k_base (stored counts, piece bounds)',
    exact: false,
    text: (text, stored) => stored ?? pieceBound(text),
    cutter: cutPrices,
    heading: (key) => headings.tokens[key as keyof typeof headings.tokens],
  };
}
