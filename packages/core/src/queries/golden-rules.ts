import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toHeuristic } from '../mappers.js';
import type { Heuristic, Page } from '../types.js';
import { integer, offset, tags } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { fetchPage, type PageParams, paged } from './paging.js';
import { appliesToProject } from './project-scope.js';

const goldenInput = v.object({
  categories: tags,
  limit: v.optional(integer(1, 1000), 100),
  offset,
});
export type GoldenRulesInput = v.InferInput<typeof goldenInput>;

export interface GoldenRulesResult {
  categories: string[];
  rules: Heuristic[];
  page: Page;
}

/**
 * Active golden rules that apply here, most validated first (one index serves filter and order).
 */
export function goldenRulesQuery(
  db: Kysely<Database>,
  params: PageParams & { categories: string[]; projectPath: string | null },
) {
  let query = db
    .selectFrom('heuristics')
    .selectAll()
    .where('is_golden', '=', 1)
    .where('status', '=', 'active')
    .where(appliesToProject(params.projectPath));
  if (params.categories.length > 0) query = query.where('category', 'in', params.categories);
  return query.orderBy('times_validated', 'desc').orderBy('confidence', 'desc').$call(paged(params));
}

export async function goldenRules(ctx: CoreHandle, input: GoldenRulesInput = {}): Promise<GoldenRulesResult> {
  const data = parseInput(goldenInput, input);
  const { rows, page } = await fetchPage(data, goldenRulesQuery(ctx.db, { ...data, projectPath: ctx.projectPath }));
  return { categories: data.categories, rules: rows.map(toHeuristic), page };
}
