/**
 * Counts tokens of a text. The real one (o200k, in @elf/context) is expensive to load, so the
 * hot path works with counts stored beside each item and with `utf8ByteBound` for the rest.
 */
export interface TokenCounter {
  readonly name: string;
  count(text: string): number;
}

/**
 * A safe upper bound for any byte-level BPE tokenizer: every token is at least one byte, so a
 * text never has more tokens than UTF-8 bytes. Free to compute; used where nothing was counted.
 */
export const utf8ByteBound: TokenCounter = {
  name: 'utf8-bytes',
  count: (text) => Buffer.byteLength(text, 'utf8'),
};

/** The original ELF's estimate, characters ÷ 4 (rounded up): an approximation, not a bound. */
export const charsDividedByFour: TokenCounter = {
  name: 'chars/4',
  count: (text) => Math.ceil(text.length / 4),
};
