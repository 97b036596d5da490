import type { Elf } from '../../src/index.js';
import { knowledgeCounts } from './temp-elf.js';

/** Every knowledge row, to prove a refused write changed nothing (not only the counts). */
export async function snapshot(elf: Elf) {
  const tables = ['assumptions', 'invariants', 'spike_reports', 'experiments', 'cycles', 'ceo_reviews', 'heuristics'];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables)
    rows[table] = await elf.db
      .selectFrom(table as 'assumptions')
      .selectAll()
      .execute();
  return { counts: await knowledgeCounts(elf), rows };
}
