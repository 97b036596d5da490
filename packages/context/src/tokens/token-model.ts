import type { TokenCounter } from '@elf/core';
import headings from '../render/headings.json' with { type: 'json' };
import { chunkFloor, o200kPattern, pieceBound } from './pretoken-bound.js';

export type HeadingKey = keyof typeof headings.strings;
export const headingText = headings.strings;

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
   * ("…") appended; `stored` is the count of the whole text, when known.
   */
  cut(text: string, end: number, suffix: string, stored?: number | null): number;
  heading(key: HeadingKey): number;
}

export function tokenModel(counter?: TokenCounter): TokenModel {
  if (counter) {
    const useStored = counter.name === 'o200k_base';
    return {
      name: counter.name,
      exact: true,
      text: (text, stored) => (useStored && stored != null ? stored : counter.count(text)),
      cut: (text, end, suffix) => counter.count(text.slice(0, end) + suffix),
      heading: (key) => counter.count(headings.strings[key]),
    };
  }
  return {
    name: 'o200k_base (stored counts, piece bounds)',
    exact: false,
    text: (text, stored) => stored ?? pieceBound(text),
    cut: (text, end, suffix, stored) =>
      Math.min(pieceBound(text.slice(0, end) + suffix), cutBound(text, end, suffix, stored)),
    heading: (key) => headings.tokens[key as keyof typeof headings.tokens],
  };
}

/**
 * A bound of a cut text's count from the whole text's stored count: when the cut falls between
 * two o200k pieces, the kept pieces cost the whole count less the cut-off pieces, each at least
 * one token (chunkFloor). The last kept piece and the suffix may merge: priced at their bytes.
 */
function cutBound(text: string, end: number, suffix: string, stored: number | null | undefined): number {
  if (stored == null) return Number.POSITIVE_INFINITY;
  let last = '';
  let aligned = false;
  for (const match of text.matchAll(o200kPattern)) {
    const stop = match.index + match[0].length;
    if (stop > end) break;
    last = match[0];
    aligned = stop === end;
  }
  if (!aligned || last === '') return Number.POSITIVE_INFINITY;
  return stored - chunkFloor(text.slice(end)) - 1 + Buffer.byteLength(last + suffix, 'utf8');
}
