import {
  assumptionStatuses,
  type Database,
  decisionStatuses,
  invariantScopes,
  invariantSeverities,
  invariantStatuses,
} from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toDecision } from '../mappers.js';
import type { Assumption, Decision, Invariant, Page } from '../types.js';
import { confidence, limit, offset, oneOf, optionalDomain, orNull } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { appliesToDomain } from './domain-scope.js';
import { fetchPage, type PageParams, paged } from './paging.js';

// Decisions, invariants and assumptions, filtered as in the original ELF. A domain filter keeps the
// items without a domain too (see appliesToDomain).

const decisionsInput = v.object({
  domain: optionalDomain,
  status: v.optional(oneOf(decisionStatuses), 'accepted'),
  limit,
  offset,
});
export type DecisionsInput = v.InferInput<typeof decisionsInput>;

export function decisionsQuery(
  db: Kysely<Database>,
  params: PageParams & { domain: string | null; status: Decision['status'] },
) {
  let query = db.selectFrom('decisions').selectAll().where('status', '=', params.status);
  const d = params.domain;
  if (d) query = query.where(appliesToDomain(d));
  return query.orderBy('created_at', 'desc').$call(paged(params));
}

export async function listDecisions(
  ctx: CoreHandle,
  input: DecisionsInput = {},
): Promise<{ decisions: Decision[]; page: Page }> {
  const data = parseInput(decisionsInput, input);
  const { rows, page } = await fetchPage(data, decisionsQuery(ctx.db, data));
  return { decisions: rows.map(toDecision), page };
}

const invariantsInput = v.object({
  domain: optionalDomain,
  status: v.optional(oneOf(invariantStatuses), 'active'),
  scope: orNull(oneOf(invariantScopes)),
  severity: orNull(oneOf(invariantSeverities)),
  limit,
  offset,
});
export type InvariantsInput = v.InferInput<typeof invariantsInput>;

export function invariantsQuery(
  db: Kysely<Database>,
  params: PageParams & {
    domain: string | null;
    status: Invariant['status'];
    scope: Invariant['scope'] | null;
    severity: Invariant['severity'] | null;
  },
) {
  let query = db.selectFrom('invariants').selectAll().where('status', '=', params.status);
  const { domain: d, scope, severity } = params;
  if (d) query = query.where(appliesToDomain(d));
  if (scope) query = query.where('scope', '=', scope);
  if (severity) query = query.where('severity', '=', severity);
  return query.orderBy('created_at', 'desc').$call(paged(params));
}

export async function listInvariants(
  ctx: CoreHandle,
  input: InvariantsInput = {},
): Promise<{ invariants: Invariant[]; page: Page }> {
  const data = parseInput(invariantsInput, input);
  const { rows, page } = await fetchPage(data, invariantsQuery(ctx.db, data));
  return { invariants: rows, page };
}

const assumptionsInput = v.object({
  domain: optionalDomain,
  status: v.optional(oneOf(assumptionStatuses), 'active'),
  min_confidence: v.optional(confidence, 0),
  limit,
  offset,
});
export type AssumptionsInput = v.InferInput<typeof assumptionsInput>;

export function assumptionsQuery(
  db: Kysely<Database>,
  params: PageParams & { domain: string | null; status: Assumption['status']; min_confidence: number },
) {
  let query = db
    .selectFrom('assumptions')
    .selectAll()
    .where('status', '=', params.status)
    .where('confidence', '>=', params.min_confidence);
  const d = params.domain;
  if (d) query = query.where(appliesToDomain(d));
  return query.orderBy('confidence', 'desc').orderBy('created_at', 'desc').$call(paged(params));
}

export async function listAssumptions(
  ctx: CoreHandle,
  input: AssumptionsInput = {},
): Promise<{ assumptions: Assumption[]; page: Page }> {
  const data = parseInput(assumptionsInput, input);
  const { rows, page } = await fetchPage(data, assumptionsQuery(ctx.db, data));
  return { assumptions: rows, page };
}
