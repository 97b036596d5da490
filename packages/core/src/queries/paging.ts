import type { SelectQueryBuilder } from 'kysely';
import { page } from '../mappers.js';
import type { Page } from '../types.js';

// Every list is paged the same way: the query ends with the page's LIMIT and OFFSET, and the result
// says where the next page starts.

export interface PageParams {
  limit: number;
  offset: number;
}

/** The LIMIT and OFFSET a list query ends with: `query.$call(paged(params))`. */
export function paged(params: PageParams) {
  return <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) =>
    query.limit(params.limit).offset(params.offset);
}

/**
 * Runs a list query built with `paged(params)` and says where the next page starts. A null query
 * is one that cannot match anything (a search without a word to look for): an empty page.
 */
export async function fetchPage<Row>(
  params: PageParams,
  query: { execute(): Promise<Row[]> } | null,
): Promise<{ rows: Row[]; page: Page }> {
  const rows = query ? await query.execute() : [];
  return { rows, page: page(params.limit, params.offset, rows.length) };
}
