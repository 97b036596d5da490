import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { page, toSpikeReport } from '../mappers.js';
import { ftsMatchExpression } from '../search/fts-query.js';
import type { Page, SpikeReport } from '../types.js';
import { limit, offset, optionalDomain, optionalText, tags } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

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
  params: { domain: string | null; tags: string[]; match: string | null; limit: number; offset: number },
) {
  let query = db.selectFrom('spike_reports').selectAll();
  const { domain: d, tags: wanted, match } = params;
  if (d) query = query.where((eb) => eb.or([eb('domain', '=', d), eb('domain', 'is', null)]));
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
  return query
    .orderBy('usefulness_score', 'desc')
    .orderBy('created_at', 'desc')
    .limit(params.limit)
    .offset(params.offset);
}

export async function listSpikeReports(
  ctx: CoreHandle,
  input: SpikeReportsInput = {},
): Promise<{ spikeReports: SpikeReport[]; page: Page }> {
  const data = parseInput(spikesInput, input);
  const match = data.search ? ftsMatchExpression(data.search) : null;
  if (data.search && !match) return { spikeReports: [], page: page(data.limit, data.offset, 0) };
  const rows = await spikeReportsQuery(ctx.db, { ...data, match }).execute();
  return { spikeReports: rows.map(toSpikeReport), page: page(data.limit, data.offset, rows.length) };
}
