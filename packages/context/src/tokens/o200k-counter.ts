import type { TokenCounter } from '@elf/core';

/** Wraps gpt-tokenizer's o200k_base `countTokens` as ELF's TokenCounter. */
export function o200kCounter(countTokens: (text: string) => number): TokenCounter {
  return { name: 'o200k_base', count: (text: string) => countTokens(text) };
}

/**
 * The real tokenizer (gpt-tokenizer, o200k_base). Loading it costs 180–270 ms here, so it is
 * imported only when asked for: by `elf record`, maintenance, tests and benchmarks, never by a
 * cold `elf context` or hook. (A CommonJS bundle can `require` gpt-tokenizer and use o200kCounter.)
 */
export async function loadO200kCounter(): Promise<TokenCounter> {
  const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
  return o200kCounter(countTokens);
}
