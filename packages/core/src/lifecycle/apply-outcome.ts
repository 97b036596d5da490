import type { Database, HeuristicRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { writeTransaction } from '../transaction.js';
import { auditHeuristic } from './audit.js';
import { demoteInTransaction, promoteInTransaction } from './golden-standing.js';
import { checkGoldenViolations } from './golden-violations.js';
import {
  type OutcomeTransition,
  outcomeTransition,
  standingRefusal,
  type TransitionFacts,
  type TransitionInput,
} from './outcome-transition.js';
import type { AppliedOutcome, ApplyOutcomeInput } from './outcome-types.js';
import { rateLimitApplies, readRateLimit } from './rate-limit.js';
import { type LifecycleConfig, lifecycleConfig } from './settings.js';

export type { AppliedOutcome, ApplyOutcomeInput, OutcomeEvent } from './outcome-types.js';

/**
 * The one function that changes a heuristic's confidence: hooks, the CLI, maintenance and merges
 * all come through here. In one IMMEDIATE transaction it reads the heuristic and the rate-limit
 * verdict (automatic updates only), lets outcomeTransition decide the confidence, counters, audit
 * row, dormancy, promotion and demotion, writes them, and runs the steps that need the database
 * (the golden-rule violation check, promotion, demotion). Returns null for an unknown heuristic,
 * and for an automatic outcome on one that is no longer active (retracted after it was shown, say).
 */
export async function applyOutcome(ctx: CoreHandle, input: ApplyOutcomeInput): Promise<AppliedOutcome | null> {
  const resolved = resolveInput(ctx, input);
  return writeTransaction(ctx.db, async (trx) => {
    const config = input.config ?? (await lifecycleConfig(trx));
    const h = await trx.selectFrom('heuristics').selectAll().where('id', '=', input.heuristicId).executeTakeFirst();
    if (!h) return null;
    const t = outcomeTransition(h, resolved, config, await readFacts(trx, h, resolved, config));
    if (!t) return null;
    await trx.updateTable('heuristics').set(t.patch).where('id', '=', h.id).execute();
    await auditHeuristic(trx, t.audit);
    return settleStanding(trx, t, config);
  });
}

/** Who sent the event and when, from the input or else the context. */
function resolveInput(ctx: CoreHandle, input: ApplyOutcomeInput): TransitionInput {
  const source = input.source ?? 'auto';
  // A person's update takes a session's slot only when they name the session (--session).
  const sessionId =
    input.sessionId !== undefined ? input.sessionId : source === 'manual' ? null : (ctx.sessionId ?? null);
  return {
    event: input.event,
    source,
    sessionId,
    agentId: input.agentId ?? ctx.agentId ?? null,
    at: nowIso(ctx),
    value: input.value,
    steps: input.steps,
    auditAs: input.auditAs,
    reason: input.reason,
    violationRecorded: input.violationRecorded,
  };
}

/** What the transition needs from the database, read only when it can matter. */
async function readFacts(
  trx: Kysely<Database>,
  h: HeuristicRow,
  input: TransitionInput,
  config: LifecycleConfig,
): Promise<TransitionFacts> {
  const { event, sessionId, at } = input;
  if (!rateLimitApplies(input.source, event) || standingRefusal(h, event)) return { rateLimited: null };
  const query = { heuristicId: h.id, event, sessionId, now: at, dailyCap: config.dailyCap };
  return { rateLimited: await readRateLimit(trx, query) };
}

/**
 * Promotion, the violation-of-record check and demotion, in that order, on the caller's
 * transaction. The violation check may demote the rule itself; then the low-confidence demotion
 * has nothing left to do.
 */
async function settleStanding(
  trx: Kysely<Database>,
  t: OutcomeTransition,
  config: LifecycleConfig,
): Promise<AppliedOutcome> {
  const { decisions: d, updated } = t;
  const result: AppliedOutcome = { ...t.result };
  if (d.promote) await promoteInTransaction(trx, updated, d.promote);
  if (d.violationCheck) {
    const check = await checkGoldenViolations(trx, updated, { config, ...d.violationCheck });
    result.violations = check;
    result.demoted = check.demoted;
    result.demotionSuggested = check.demotionSuggested || d.suggestDemotion;
    if (check.demoted) result.newConfidence = check.confidence;
  }
  if (d.demoteForLowConfidence && !result.demoted) {
    result.newConfidence = await demoteInTransaction(trx, updated, d.demoteForLowConfidence);
    result.demoted = true;
  }
  return result;
}
