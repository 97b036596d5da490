import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { page, toHeuristic, toLearning } from '../mappers.js';
import type { Heuristic, Learning, Page } from '../types.js';
import { domain, limit, offset } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { type PageParams, paged } from './paging.js';
import { appliesToProject } from './project-scope.js';

const byDomainInput = v.object({ domain, limit, offset });
export type QueryByDomainInput = v.InferInput<typeof byDomainInput>;

export interface DomainResult {
  domain: string;
  heuristics: Heuristic[];
  learnings: Learning[];
  count: { heuristics: number; learnings: number };
  page: Page;
}

interface DomainQueryParams extends PageParams {
  domain: string;
  projectPath: string | null;
}

/** Active heuristics of a domain that apply here, most confident and most validated first. */
export function heuristicsByDomainQuery(db: Kysely<Database>, params: DomainQueryParams) {
  return db
    .selectFrom('heuristics')
    .selectAll()
    .where('domain', '=', params.domain)
    .where('status', '=', 'active')
    .where(appliesToProject(params.projectPath))
    .orderBy('confidence', 'desc')
    .orderBy('times_validated', 'desc')
    .$call(paged(params));
}

/** Learnings of a domain, newest first. */
export function learningsByDomainQuery(db: Kysely<Database>, params: DomainQueryParams) {
  return db
    .selectFrom('learnings')
    .selectAll()
    .where('domain', '=', params.domain)
    .orderBy('created_at', 'desc')
    .$call(paged(params));
}

export async function queryByDomain(ctx: CoreHandle, input: QueryByDomainInput): Promise<DomainResult> {
  const data = parseInput(byDomainInput, input);
  const params = { ...data, projectPath: ctx.projectPath };
  const [heuristics, learnings] = await Promise.all([
    heuristicsByDomainQuery(ctx.db, params).execute(),
    learningsByDomainQuery(ctx.db, params).execute(),
  ]);
  return {
    domain: data.domain,
    heuristics: heuristics.map(toHeuristic),
    learnings: learnings.map(toLearning),
    count: { heuristics: heuristics.length, learnings: learnings.length },
    page: page(data.limit, data.offset, Math.max(heuristics.length, learnings.length)),
  };
}
