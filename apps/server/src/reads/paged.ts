import type { Database } from '@elf/schema';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { PageParams } from '../http/params.js';

/**
 * One page of a filtered table and the filter's total, in two indexed statements: the page
 * (ordered, LIMIT/OFFSET) and `count(*)` under the same filter.
 */
export async function paged<T extends keyof Database, R>(
  db: Kysely<Database>,
  table: T,
  filter: (q: SelectQueryBuilder<Database, T, object>) => SelectQueryBuilder<Database, T, object>,
  order: (
    q: SelectQueryBuilder<Database, T, Record<string, unknown>>,
  ) => SelectQueryBuilder<Database, T, Record<string, unknown>>,
  page: PageParams,
  /** Row → what the API answers: core's mapper for the kind (flags as booleans, lists as arrays). */
  map: (row: never) => R,
): Promise<{ items: R[]; total: number }> {
  const base = filter(db.selectFrom(table as any) as any);
  const [rows, count] = await Promise.all([
    order((base as any).selectAll())
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    (base as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { items: (rows as never[]).map(map), total: Number((count as { n?: number })?.n ?? 0) };
}

/** `%text%` for LIKE, with the wildcards in the text itself escaped (ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
