import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeTables } from '@elf/schema';
import { afterEach } from 'vitest';
import { Elf, type ElfOptions } from '../../src/index.js';

/** A clock the test moves by hand. */
export class TestClock {
  #now: number;
  constructor(iso = '2026-11-26T12:00:00.000Z') {
    this.#now = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.#now);
  }
  advanceDays(days: number): void {
    this.#now += days * 86_400_000;
  }
  set(iso: string): void {
    this.#now = Date.parse(iso);
  }
}

const cleanups: Array<() => Promise<void>> = [];

export function tempDir(prefix = 'elf-core-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An Elf on a fresh database file in a temp dir, closed and removed after the test. */
export async function openTempElf(
  options: Partial<ElfOptions> = {},
): Promise<{ elf: Elf; clock: TestClock; path: string }> {
  const clock = (options.clock as TestClock | undefined) ?? new TestClock();
  const path = options.path ?? join(tempDir(), 'elf.db');
  const elf = await Elf.open({ projectPath: '/work/project', seedStarters: false, ...options, path, clock });
  cleanups.unshift(() => elf.close().catch(() => undefined));
  return { elf, clock, path };
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Row counts of every knowledge table, to prove that a rejected write wrote nothing. */
export async function knowledgeCounts(elf: Elf): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['learning_tags', ...knowledgeTables] as const) {
    const row = await elf.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = row.n;
  }
  return counts;
}
