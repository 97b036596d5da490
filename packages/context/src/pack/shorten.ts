import type { TokenModel } from '../tokens/token-model.js';

const ellipsis = '…';
/** A shortened item must keep at least this many characters to still be worth showing. */
export const minUsefulChars = 40;

// Items are shortened again on every build that places them: remember where their words end.
const ends = new Map<string, number[]>();

/** Where each word of `text` ends (before the whitespace that follows it); a text of one word is cut at `fallback`. */
function wordEnds(text: string, fallback: number): number[] {
  let cuts = ends.get(text);
  if (!cuts) {
    cuts = [];
    for (const match of text.matchAll(/\S(?=\s)/g)) cuts.push(match.index + 1);
    if (ends.size >= 5_000) ends.clear();
    ends.set(text, cuts);
  }
  return cuts.length > 0 ? cuts : [Math.min(text.length, fallback)];
}

/**
 * The longest prefix of `text`, cut at a sentence end or else a word boundary, that costs at
 * most `maxTokens` with "…" appended; null when no useful prefix fits.
 */
export function shorten(text: string, maxTokens: number, model: TokenModel, stored?: number | null): string | null {
  return shortened(text, maxTokens, model, stored)?.text ?? null;
}

/** shorten() with the price of what it returns. */
export function shortened(
  text: string,
  maxTokens: number,
  model: TokenModel,
  stored?: number | null,
): { text: string; tokens: number } | null {
  if (maxTokens <= 0) return null;
  const cuts = wordEnds(text, maxTokens);
  const price = model.cutter(text, ellipsis, stored);
  const fits = (end: number) => price(end) <= maxTokens;
  // Binary search over word boundaries: cost grows with the prefix.
  let lo = 0;
  let hi = cuts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(cuts[mid] as number)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return null;
  let end = cuts[best] as number;
  // Prefer ending on a sentence if that keeps most of what fits.
  const sentenceEnd = text.slice(0, end).search(/[.!?;:](?=[^.!?;:]*$)/);
  if (sentenceEnd + 1 >= Math.max(end * 0.6, minUsefulChars) && fits(sentenceEnd + 1)) end = sentenceEnd + 1;
  const prefix = text.slice(0, end).trimEnd();
  return prefix.length >= minUsefulChars ? { text: prefix + ellipsis, tokens: price(prefix.length) } : null;
}
