import { ftsMatchExpression, type SearchKind } from '@elf/core';
import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';

const ftsOf: Record<SearchKind, string> = {
  learning: 'learnings_fts',
  heuristic: 'heuristics_fts',
  decision: 'decisions_fts',
  spike_report: 'spike_reports_fts',
};

/** How many items of these kinds a search matches (the page's total): one indexed count per kind. */
export async function searchTotal(db: Kysely<Database>, text: string, kinds: readonly SearchKind[]): Promise<number> {
  const match = ftsMatchExpression(text);
  if (!match) return 0;
  const branches = kinds.map(
    (kind) => sql`select count(*) as n from ${sql.table(ftsOf[kind])} where ${sql.table(ftsOf[kind])} match ${match}`,
  );
  const { rows } = await sql<{ n: number }>`${sql.join(branches, sql` union all `)}`.execute(db);
  return rows.reduce((sum, r) => sum + r.n, 0);
}
