import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toViolation } from '../mappers.js';
import type { Page, Violation } from '../types.js';
import { integer, limit, offset, orNull } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { fetchPage, type PageParams, paged } from './paging.js';
import { daysAgoIso } from './query-recent.js';

const violationsInput = v.object({
  days: v.optional(integer(1, 36_500), 7),
  acknowledged: orNull(v.boolean('must be true or false')),
  limit,
  offset,
});
export type ViolationsInput = v.InferInput<typeof violationsInput>;

/** The original's accountability levels for golden-rule violations in the window. */
export type AccountabilityLevel = 'normal' | 'warning' | 'probation' | 'critical';

export function accountabilityLevel(count: number): AccountabilityLevel {
  if (count >= 10) return 'critical';
  if (count >= 5) return 'probation';
  if (count >= 3) return 'warning';
  return 'normal';
}

export interface ViolationsResult {
  days: number;
  since: string;
  total: number;
  acknowledged: number;
  unacknowledged: number;
  level: AccountabilityLevel;
  by_rule: Array<{ rule_id: number; rule_name: string; count: number }>;
  violations: Violation[];
  page: Page;
}

export function violationsQuery(
  db: Kysely<Database>,
  params: PageParams & { since: string; acknowledged: boolean | null },
) {
  let query = db.selectFrom('violations').selectAll().where('violation_date', '>=', params.since);
  if (params.acknowledged !== null) query = query.where('acknowledged', '=', params.acknowledged ? 1 : 0);
  return query.orderBy('violation_date', 'desc').$call(paged(params));
}

export function violationsByRuleQuery(db: Kysely<Database>, since: string) {
  return db
    .selectFrom('violations')
    .select((eb) => [
      'rule_id',
      eb.fn.max('rule_name').as('rule_name'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('acknowledged').as('acknowledged'),
    ])
    .where('violation_date', '>=', since)
    .groupBy('rule_id')
    .orderBy('count', 'desc')
    .limit(1000);
}

/** Golden-rule violations in the last N days (default 7), with the summary and warning level. */
export async function listViolations(ctx: CoreHandle, input: ViolationsInput = {}): Promise<ViolationsResult> {
  const data = parseInput(violationsInput, input);
  const since = daysAgoIso(ctx, data.days);
  const [{ rows, page }, byRule] = await Promise.all([
    fetchPage(data, violationsQuery(ctx.db, { ...data, since })),
    violationsByRuleQuery(ctx.db, since).execute(),
  ]);
  const total = byRule.reduce((sum, rule) => sum + Number(rule.count), 0);
  const acknowledged = byRule.reduce((sum, rule) => sum + Number(rule.acknowledged ?? 0), 0);
  return {
    days: data.days,
    since,
    total,
    acknowledged,
    unacknowledged: total - acknowledged,
    level: accountabilityLevel(total),
    by_rule: byRule.map((rule) => ({ rule_id: rule.rule_id, rule_name: rule.rule_name, count: Number(rule.count) })),
    violations: rows.map(toViolation),
    page,
  };
}
