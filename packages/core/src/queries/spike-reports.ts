import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toSpikeReport } from '../mappers.js';
import { ftsMatchExpression } from '../search/fts-query.js';
import type { Page, SpikeReport } from '../types.js';
import { limit, offset, optionalDomain, optionalText, tags } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { appliesToDomain } from './domain-scope.js';
import { fetchPage, type PageParams, paged } from './paging.js';

const spikesInput = v.object({
  domain: optionalDomain,
  tags,
  search: optionalText(10_000),
  limit,
  offset,
});
export type SpikeReportsInput = v.InferInput<typeof spikesInput>;

/**
 * Spike reports of a domain (or of none), carrying any of the tags, matching the search text,
 * most useful and newest first.
 */
export function spikeReportsQuery(
  db: Kysely<Database>,
  params: PageParams & { domain: string | null; tags: string[]; match: string | null },
) {
  let query = db.selectFrom('spike_reports').selectAll();
  const { domain: d, tags: wanted, match } = params;
  if (d) query = query.where(appliesToDomain(d));
  if (wanted.length > 0) {
    query = query.where((eb) =>
      eb.or(wanted.map((tag) => eb(sql<number>`instr(',' || tags || ',', ${`,${tag},`})`, '>', 0))),
    );
  }
  if (match) {
    query = query.where(
      'id',
      'in',
      sql<number>`(select rowid from spike_reports_fts where spike_reports_fts match ${match})`,
    );
  }
  return query.orderBy('usefulness_score', 'desc').orderBy('created_at', 'desc').$call(paged(params));
}

export async function listSpikeReports(
  ctx: CoreHandle,
  input: SpikeReportsInput = {},
): Promise<{ spikeReports: SpikeReport[]; page: Page }> {
  const data = parseInput(spikesInput, input);
  const match = data.search ? ftsMatchExpression(data.search) : null;
  // Search text without a word to look for matches nothing.
  const query = data.search && !match ? null : spikeReportsQuery(ctx.db, { ...data, match });
  const { rows, page } = await fetchPage(data, query);
  return { spikeReports: rows.map(toSpikeReport), page };
}
