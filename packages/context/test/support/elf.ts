import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Elf, type ElfOptions, type TokenCounter } from '@elf/core';
import { afterEach } from 'vitest';
import { loadO200kCounter } from '../../src/index.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

export function tempDir(prefix = 'elf-context-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let counter: Promise<TokenCounter> | undefined;
/** The real o200k tokenizer, loaded once per test file. */
export function o200k(): Promise<TokenCounter> {
  counter ??= loadO200kCounter();
  return counter;
}

export const fixedNow = '2026-11-26T12:00:00.000Z';

/** An Elf on a temp file with a fixed clock; counts tokens on record unless told otherwise. */
export async function openElf(options: Partial<ElfOptions> = {}): Promise<Elf> {
  const elf = await Elf.open({
    path: join(tempDir(), 'elf.db'),
    projectPath: '/work/project',
    clock: { now: () => new Date(fixedNow) },
    tokenCounter: await o200k(),
    ...options,
  });
  cleanups.unshift(() => elf.close());
  return elf;
}
