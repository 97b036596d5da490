import type { Database, HeuristicRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import { type AccountabilityLevel, accountabilityLevel } from '../queries/violations.js';
import { demoteInTransaction, demotion, ruleViolationsSince, windowStart } from './golden-standing.js';
import type { LifecycleConfig } from './settings.js';

/** The key of the CEO review ELF opens when violations reach the critical level. */
export const criticalReviewKey = 'violations:critical';
const accountabilityWindowDays = 7;

export interface GoldenViolationCheck {
  /** This rule's violations within the demotion window. */
  ruleViolations: number;
  demoted: boolean;
  /** Mode `suggest`: the rule crossed the demotion threshold; a person decides. */
  demotionSuggested: boolean;
  /** The rule's confidence afterwards (capped when demoted). */
  confidence: number;
  /** All golden-rule violations in the last 7 days, and their warning level (3 / 5 / 10). */
  recentViolations: number;
  level: AccountabilityLevel;
  /** A CEO review was opened by this violation (at most one while one is pending or recent). */
  reviewOpened: number | null;
}

interface CheckInput {
  config: LifecycleConfig;
  at: string;
  sessionId?: string | null;
  agentId?: string | null;
  /** Record the violation first (a person's `heuristic violate` on a golden rule). */
  record?: { description: string };
}

/**
 * After a golden rule is violated (on the caller's transaction): records the violation when asked,
 * demotes the rule at 3 violations in 7 days (mode auto; listed in mode suggest), and at the
 * critical level (10 violations of any rule in 7 days) opens one CEO review — not one per further
 * violation: none while one is pending or was opened in the last 7 days.
 */
export async function checkGoldenViolations(
  trx: Kysely<Database>,
  h: HeuristicRow,
  input: CheckInput,
): Promise<GoldenViolationCheck> {
  if (input.record) {
    await trx
      .insertInto('violations')
      .values({
        rule_id: h.id,
        rule_name: h.rule.slice(0, 500),
        description: input.record.description.slice(0, 5000),
        session_id: input.sessionId ?? null,
        violation_date: input.at,
      })
      .execute();
  }
  const ruleViolations = await ruleViolationsSince(trx, h.id, windowStart(input.at, demotion.windowDays));
  let confidence = h.confidence;
  let demoted = false;
  let demotionSuggested = false;
  if (h.is_golden === 1 && ruleViolations >= demotion.violations) {
    if (input.config.promotionMode === 'auto') {
      confidence = await demoteInTransaction(trx, h, {
        source: 'system',
        reason: `violated ${ruleViolations} times within ${demotion.windowDays} days`,
        at: input.at,
        sessionId: input.sessionId ?? null,
        agentId: input.agentId ?? null,
      });
      demoted = true;
    } else {
      demotionSuggested = true;
    }
  }
  const since = windowStart(input.at, accountabilityWindowDays);
  const recent = await trx
    .selectFrom('violations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('violation_date', '>=', since)
    .executeTakeFirstOrThrow();
  const recentViolations = Number(recent.n);
  const level = accountabilityLevel(recentViolations);
  const reviewOpened = level === 'critical' ? await openCriticalReview(trx, recentViolations, input.at) : null;
  return { ruleViolations, demoted, demotionSuggested, confidence, recentViolations, level, reviewOpened };
}

async function openCriticalReview(trx: Kysely<Database>, count: number, at: string): Promise<number | null> {
  const existing = await trx
    .selectFrom('ceo_reviews')
    .select('id')
    .where('source_key', '=', criticalReviewKey)
    .where((eb) =>
      eb.or([eb('status', '=', 'pending'), eb('created_at', '>=', windowStart(at, accountabilityWindowDays))]),
    )
    .limit(1)
    .executeTakeFirst();
  if (existing) return null;
  const row = await trx
    .insertInto('ceo_reviews')
    .values({
      title: `Golden rules violated ${count} times in ${accountabilityWindowDays} days`,
      context: `ELF counted ${count} golden-rule violations since ${windowStart(at, accountabilityWindowDays)} (critical level: 10).`,
      recommendation:
        'Review the violated rules (`elf query --violations`): are they wrong, unclear, or being ignored?',
      source_key: criticalReviewKey,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
