import { Elf, type ElfOptions } from '@elf/core';
import { fixedNow, openTempElf } from '@elf/test-support';

/** The instant the test Elf's clock shows, for datasets generated "now". */
export const now = new Date(fixedNow);

/** An Elf on a fresh database file, closed and removed after the test. */
export async function openElf(options: Partial<ElfOptions> = {}): Promise<Elf> {
  const { elf } = await openTempElf(Elf, { projectPath: '/work/project', seedStarters: false, ...options });
  return elf;
}
