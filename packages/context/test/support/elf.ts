import { Elf, type ElfOptions, type TokenCounter } from '@elf/core';
import { openTempElf } from '@elf/test-support';
import { loadO200kCounter } from '../../src/index.js';

let counter: Promise<TokenCounter> | undefined;
/** The real o200k tokenizer, loaded once per test file. */
export function o200k(): Promise<TokenCounter> {
  counter ??= loadO200kCounter();
  return counter;
}

/** An Elf on a temp file with a fixed clock; counts tokens on record unless told otherwise. */
export async function openElf(options: Partial<ElfOptions> = {}): Promise<Elf> {
  const { elf } = await openTempElf(Elf, { projectPath: '/work/project', tokenCounter: await o200k(), ...options });
  return elf;
}
