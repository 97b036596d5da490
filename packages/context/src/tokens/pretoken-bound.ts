import headings from '../render/headings.json' with { type: 'json' };

// A tighter bound than UTF-8 bytes, still without loading the tokenizer. o200k encodes a text
// piece by piece: it first splits it with the pattern below (its pretokenizer, the same as
// gpt-tokenizer's O200K_TOKEN_SPLIT_REGEX; a test checks both), then encodes every piece on its
// own, so a text's count is the sum of its pieces' counts. A piece is priced at its count made at
// build time when it is one of the pieces of ELF's own decorations (`headings.json` "pieces":
// ` (0.85`, `✓)\n`, ` ago`, …), at 1 when it is one to three ASCII digits (each such group is
// one o200k token; tested), and at its UTF-8 byte length otherwise (no piece has more tokens).

const contraction = "(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?";
const o200kSource = String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+${contraction}|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*${contraction}|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`;
// The same pattern for text of ASCII and a few symbols that are neither letters, digits nor marks
// (ELF's decorations, most rules): Unicode property classes cost 10–20 ms to compile in a cold
// process, which every hook is.
const notPlain = /[^\t\n\r -~\u00b7\u00d7\u2013\u2014\u2026\u2713\u26a0]/;
const plainPattern = new RegExp(
  String.raw`[^\r\nA-Za-z0-9]?[A-Z]*[a-z]+${contraction}|[^\r\nA-Za-z0-9]?[A-Z]+[a-z]*${contraction}|[0-9]{1,3}| ?[^\sA-Za-z0-9]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  'g',
);
let fullPattern: RegExp | undefined;

/** o200k's pieces of `text` (its pretokenizer's matches, as gpt-tokenizer splits; a test checks). */
export function o200kPieces(text: string): IterableIterator<RegExpMatchArray> {
  if (!notPlain.test(text)) return text.matchAll(plainPattern);
  fullPattern ??= new RegExp(o200kSource, 'gu');
  return text.matchAll(fullPattern);
}

// A Map, not the JSON object: a text holding "constructor" must not find Object's own properties.
const pieces: ReadonlyMap<string, number> = new Map(Object.entries(headings.pieces));
const digits = /^[0-9]{1,3}$/;

/** One o200k piece's bound: counted at build time, one digit group, or its bytes. */
function boundOfPiece(piece: string): number {
  return pieces.get(piece) ?? (digits.test(piece) ? 1 : bytes(piece));
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// Decorations repeat (the same confidence, the same age), and items without a stored count are
// priced again on every build: remember recent answers.
const bounds = new Map<string, number>();

/** An upper bound of the o200k count of `text`, from its pieces (see above). */
export function pieceBound(text: string): number {
  let bound = bounds.get(text);
  if (bound === undefined) {
    bound = piecesOf(text);
    if (bounds.size >= 10_000) bounds.clear();
    bounds.set(text, bound);
  }
  return bound;
}

function piecesOf(text: string): number {
  let total = 0;
  let covered = 0;
  for (const match of o200kPieces(text)) {
    const piece = match[0];
    covered += piece.length;
    total += boundOfPiece(piece);
  }
  // The pattern matches every character; should a text ever escape it, bytes still bound it.
  return covered === text.length ? total : bytes(text);
}

/**
 * A lower bound of the o200k count of `text`: every run of non-space characters holds at least
 * one piece, and every piece at least one token.
 */
export function chunkFloor(text: string): number {
  let chunks = 0;
  for (const _ of text.matchAll(/\S+/g)) chunks++;
  return chunks;
}

/** The number of entries of a sorted list that are ≤ `value`. */
function countUpTo(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const endsInWord = /[\p{L}\p{N}\p{M}]$/u;

// Items are shortened again on every build that places them: remember their prices.
// Keyed by the text alone (a key that joined the suffix and count to it would copy every text on
// every look-up); the suffix and count it was made with are checked.
const cutters = new Map<string, { suffix: string; stored: number | null; prices: (end: number) => number }>();

/**
 * Prices of `text` cut after its first `end` characters with `suffix` ("…") appended, for many
 * `end`s (shortening tries several): the text is split into pieces once. A cut between two pieces
 * keeps the pieces before it (the pattern reads left to right); a cut inside a piece prices that
 * part at its bytes. With the whole text's stored count, a cut between pieces also costs at most
 * that count less one token per word cut off (chunkFloor). A suffix after a piece that does not
 * end in a letter or digit may merge with it: that piece and the suffix are priced at their bytes.
 */
export function cutPrices(text: string, suffix: string, stored: number | null | undefined): (end: number) => number {
  const known = cutters.get(text);
  if (known && known.suffix === suffix && known.stored === (stored ?? null)) return known.prices;
  const prices = makeCutPrices(text, suffix, stored);
  if (cutters.size >= 5_000) cutters.clear();
  cutters.set(text, { suffix, stored: stored ?? null, prices });
  return prices;
}

function makeCutPrices(text: string, suffix: string, stored: number | null | undefined): (end: number) => number {
  const ends: number[] = [];
  const sums: number[] = [];
  let total = 0;
  for (const match of o200kPieces(text)) {
    total += boundOfPiece(match[0]);
    ends.push((match.index ?? 0) + match[0].length);
    sums.push(total);
  }
  const chunkStarts: number[] = [];
  for (const match of text.matchAll(/\S+/g)) chunkStarts.push(match.index);
  const suffixBound = pieceBound(suffix);
  return (end) => {
    const kept = countUpTo(ends, end);
    const before = kept > 0 ? (ends[kept - 1] as number) : 0;
    if (before !== end) {
      // Inside a piece: the whole pieces before it, then the rest and the suffix at their bytes.
      return (kept > 0 ? (sums[kept - 1] as number) : 0) + bytes(text.slice(before, end) + suffix);
    }
    const lastStart = kept > 1 ? (ends[kept - 2] as number) : 0;
    const last = text.slice(lastStart, end);
    const merged = endsInWord.test(last)
      ? (sums[kept - 1] as number) + suffixBound
      : (kept > 1 ? (sums[kept - 2] as number) : 0) + bytes(last + suffix);
    if (stored == null || kept === 0) return merged;
    const cutOff = chunkStarts.length - countUpTo(chunkStarts, end - 1);
    const fromStored = stored - cutOff - 1 + bytes(last + suffix);
    return Math.min(merged, fromStored);
  };
}
