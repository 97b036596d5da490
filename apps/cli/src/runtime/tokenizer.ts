import type { TokenCounter } from '@elf/core';

/**
 * The o200k tokenizer for the CLI. The CLI runs as one CommonJS bundle (see boot/), where a
 * dynamic import() of an external package needs experimental VM flags on Node 20; the bundle's
 * own `require` loads gpt-tokenizer's CommonJS build instead. Costs ~200 ms: never on a hot path.
 */
export async function loadTokenizer(): Promise<TokenCounter> {
  const { o200kCounter } = await import('@elf/context');
  const { countTokens } = require('gpt-tokenizer/encoding/o200k_base') as { countTokens: (text: string) => number };
  return o200kCounter(countTokens);
}
