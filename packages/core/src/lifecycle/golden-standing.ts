import type { ConfidenceUpdateSource, Database, HeuristicRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import { changeHeuristic } from './audit.js';
import { round4 } from './confidence.js';

/** A demoted rule must earn promotion again: its confidence is capped here. */
export const demotedConfidenceCap = 0.8;

/**
 * Demotion: a golden rule violated (of record) `violations` times within `windowDays`, or whose
 * confidence fell below `belowConfidence`.
 */
export const demotion = { violations: 3, windowDays: 7, belowConfidence: 0.7 } as const;

/** Who changes a heuristic's standing, when and why: audited with the change. */
export interface StandingChange {
  source: ConfidenceUpdateSource;
  reason: string;
  at: string;
  sessionId?: string | null;
  agentId?: string | null;
}

/** Makes a heuristic a golden rule (on the caller's transaction) and audits it. */
export async function promoteInTransaction(trx: Kysely<Database>, h: HeuristicRow, change: StandingChange) {
  await changeHeuristic(trx, h, { is_golden: 1, updated_at: change.at }, { type: 'promoted', ...change });
}

/** Takes a golden rule back to an ordinary heuristic, capping its confidence, and audits it. */
export async function demoteInTransaction(trx: Kysely<Database>, h: HeuristicRow, change: StandingChange) {
  const confidence = round4(Math.min(h.confidence, demotedConfidenceCap));
  await changeHeuristic(trx, h, { is_golden: 0, confidence, updated_at: change.at }, { type: 'demoted', ...change });
  return confidence;
}

/** Violations of one rule recorded since `since` (the demotion window). */
export async function ruleViolationsSince(trx: Kysely<Database>, ruleId: number, since: string): Promise<number> {
  const row = await trx
    .selectFrom('violations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rule_id', '=', ruleId)
    .where('violation_date', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function windowStart(at: string, days: number): string {
  return new Date(Date.parse(at) - days * 86_400_000).toISOString();
}
