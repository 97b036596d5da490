import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Elf, type ElfOptions } from '@elf/core';
import { afterEach } from 'vitest';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

export function tempDir(prefix = 'elf-profiling-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const now = new Date('2026-11-26T12:00:00.000Z');

/** An Elf on a fresh database file, closed and removed after the test. */
export async function openElf(options: Partial<ElfOptions> = {}): Promise<Elf> {
  const elf = await Elf.open({
    path: join(tempDir(), 'elf.db'),
    projectPath: '/work/project',
    seedStarters: false,
    clock: { now: () => now },
    ...options,
  });
  cleanups.unshift(() => elf.close().catch(() => undefined));
  return elf;
}
