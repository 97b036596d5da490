import headings from '../render/headings.json' with { type: 'json' };

// A tighter bound than UTF-8 bytes, still without loading the tokenizer. o200k encodes a text
// piece by piece: it first splits it with the pattern below (its pretokenizer, the same as
// gpt-tokenizer's O200K_TOKEN_SPLIT_REGEX; a test checks both), then encodes every piece on its
// own, so a text's count is the sum of its pieces' counts. A piece is priced at its count made at
// build time when it is one of the pieces of ELF's own decorations (`headings.json` "pieces":
// ` (0.85`, `✓)\n`, ` ago`, …), at 1 when it is one to three ASCII digits (each such group is
// one o200k token; tested), and at its UTF-8 byte length otherwise (no piece has more tokens).

const contraction = "(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?";
export const o200kPattern = new RegExp(
  String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+${contraction}|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*${contraction}|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  'gu',
);

const pieces: Readonly<Record<string, number>> = headings.pieces;
const digits = /^[0-9]{1,3}$/;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** An upper bound of the o200k count of `text`, from its pieces (see above). */
export function pieceBound(text: string): number {
  let total = 0;
  let covered = 0;
  for (const match of text.matchAll(o200kPattern)) {
    const piece = match[0];
    covered += piece.length;
    total += pieces[piece] ?? (digits.test(piece) ? 1 : bytes(piece));
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
