import type { Elf } from '@elf/core';
import type { GlobalOptions } from './globals.js';
import type { CliContext } from './handler.js';
import { type ElfOptions, withElf } from './open-elf.js';
import { emit } from './output.js';

/**
 * Most commands are one step on the database whose result is their output: this opens the
 * database for the step and prints what it returns (its JSON with --json, else `text`).
 */
export async function emitStep<T>(
  cli: CliContext,
  globals: GlobalOptions,
  step: (elf: Elf) => Promise<T>,
  text: (result: T) => string,
  options?: ElfOptions,
): Promise<T> {
  const result = await withElf(cli.io, globals, step, options);
  emit(cli.io, globals, result, () => text(result));
  return result;
}
