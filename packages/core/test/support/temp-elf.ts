import { knowledgeTables } from '@elf/schema';
import { openTempElf as openOnTempFile, type TempElf } from '@elf/test-support';
import { Elf, type ElfOptions } from '../../src/index.js';

/** An Elf of this package's own source, in a project, without the starter rules. */
export function openTempElf(options: Partial<ElfOptions> = {}): Promise<TempElf<Elf>> {
  return openOnTempFile(Elf, { projectPath: '/work/project', seedStarters: false, ...options });
}

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
