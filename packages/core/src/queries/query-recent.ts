import { type Database, learningTypes } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toLearning } from '../mappers.js';
import type { Learning, Page } from '../types.js';
import { integer, limit, offset, oneOf, orNull } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { fetchPage, type PageParams, paged } from './paging.js';

const recentInput = v.object({
  days: v.optional(integer(1, 36_500), 7),
  type: orNull(oneOf(learningTypes)),
  limit,
  offset,
});
export type QueryRecentInput = v.InferInput<typeof recentInput>;

export interface RecentResult {
  days: number;
  since: string;
  type: string | null;
  learnings: Learning[];
  page: Page;
}

export function recentLearningsQuery(
  db: Kysely<Database>,
  params: PageParams & { since: string; type: string | null },
) {
  let query = db.selectFrom('learnings').selectAll().where('created_at', '>=', params.since);
  if (params.type) query = query.where('type', '=', params.type as Learning['type']);
  return query.orderBy('created_at', 'desc').$call(paged(params));
}

export function daysAgoIso(ctx: Pick<CoreHandle, 'clock'>, days: number): string {
  return new Date(ctx.clock.now().getTime() - days * 86_400_000).toISOString();
}

/** Learnings of the last N days (default 7), optionally of one type, newest first. */
export async function queryRecent(ctx: CoreHandle, input: QueryRecentInput = {}): Promise<RecentResult> {
  const data = parseInput(recentInput, input);
  const since = daysAgoIso(ctx, data.days);
  const { rows, page } = await fetchPage(data, recentLearningsQuery(ctx.db, { ...data, since }));
  return { days: data.days, since, type: data.type, learnings: rows.map(toLearning), page };
}
