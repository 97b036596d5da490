import { type TokenCounter, utf8ByteBound } from '@elf/core';
import headings from '../render/headings.json' with { type: 'json' };

export type HeadingKey = keyof typeof headings.strings;
export const headingText = headings.strings;

/**
 * How the builder prices text against the budget.
 * - With a counter (o200k loaded, or chars ÷ 4): every piece is counted by it.
 * - Without one (a cold start): an item's stored o200k count, the headings' counts made at build
 *   time, and for anything else its UTF-8 byte length, which no tokenizer exceeds.
 * The prices are upper bounds of the real o200k count of the rendered text, so packing by them
 * keeps the budget without loading the tokenizer.
 */
export interface TokenModel {
  readonly name: string;
  readonly exact: boolean;
  text(text: string, stored?: number | null): number;
  heading(key: HeadingKey): number;
}

export function tokenModel(counter?: TokenCounter): TokenModel {
  if (counter) {
    const useStored = counter.name === 'o200k_base';
    return {
      name: counter.name,
      exact: true,
      text: (text, stored) => (useStored && stored != null ? stored : counter.count(text)),
      heading: (key) => counter.count(headings.strings[key]),
    };
  }
  return {
    name: 'o200k_base (stored counts, UTF-8 bound)',
    exact: false,
    text: (text, stored) => stored ?? utf8ByteBound.count(text),
    heading: (key) => headings.tokens[key as keyof typeof headings.tokens],
  };
}
