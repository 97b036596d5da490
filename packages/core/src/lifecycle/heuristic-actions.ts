import { ElfError, type HeuristicStatus } from '@elf/schema';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { toHeuristic } from '../mappers.js';
import { appliesToProject } from '../queries/project-scope.js';
import { requireRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { type AppliedOutcome, type ApplyOutcomeInput, applyOutcome } from './apply-outcome.js';
import { manualChange } from './audit.js';
import { demoteInTransaction, demotion, promoteInTransaction, windowStart } from './golden-standing.js';

export interface ManualOutcomeInput {
  id: number;
  /** Counts toward that session's once-per-session limit of automatic updates. */
  sessionId?: string | null;
  note?: string | null;
}

/** A person says the rule held (`elf heuristic validate`): always applied, audited as manual. */
export function validateHeuristic(ctx: CoreHandle, input: ManualOutcomeInput): Promise<AppliedOutcome> {
  return manualOutcome(ctx, input, 'validated');
}

/** A person says the rule did not hold; on a golden rule this is a violation of record. */
export function violateHeuristic(ctx: CoreHandle, input: ManualOutcomeInput): Promise<AppliedOutcome> {
  return manualOutcome(ctx, input, 'violated');
}

/** Notes and reasons a person adds are kept in the history: one line's worth, not a document. */
function checkNote(field: 'note' | 'reason', text: string | null | undefined): void {
  if (text && text.length > 2000) {
    throw new ElfError('INVALID_INPUT', `${field}: at most 2,000 characters (got ${text.length})`, { field });
  }
}

async function manualOutcome(ctx: CoreHandle, input: ManualOutcomeInput, event: 'validated' | 'violated') {
  checkNote('note', input.note);
  return applyByHand(ctx, input.id, { event, sessionId: input.sessionId ?? null, reason: input.note ?? null });
}

/** A person's outcome for one heuristic, through the one confidence function, audited as manual. */
function applyByHand(
  ctx: CoreHandle,
  id: number,
  outcome: Omit<ApplyOutcomeInput, 'heuristicId' | 'source'>,
): Promise<AppliedOutcome> {
  return writeTransaction(ctx.db, async (trx) => {
    await requireRow(trx, 'heuristics', id);
    const result = await applyOutcome({ ...ctx, db: trx }, { ...outcome, heuristicId: id, source: 'manual' });
    if (!result) throw new ElfError('NOT_FOUND', `id: no heuristic with id ${id}`, { field: 'id' });
    return result;
  });
}

/** A person promotes a heuristic to golden rule (mode `suggest`, or ahead of the thresholds). */
export async function promoteHeuristic(ctx: CoreHandle, input: { id: number; reason?: string | null }) {
  checkNote('reason', input.reason);
  return writeTransaction(ctx.db, async (trx) => {
    const h = await requireRow(trx, 'heuristics', input.id);
    if (h.is_golden === 1)
      throw new ElfError('INVALID_INPUT', `id: heuristic #${h.id} is already a golden rule`, { field: 'id' });
    if (h.status !== 'active')
      throw new ElfError('INVALID_INPUT', `id: heuristic #${h.id} is ${h.status}`, { field: 'id' });
    await promoteInTransaction(trx, h, {
      ...manualChange(ctx, nowIso(ctx)),
      reason: input.reason ?? 'promoted by hand',
    });
    return toHeuristic({ ...h, is_golden: 1 });
  });
}

/** A person demotes a golden rule to an ordinary heuristic (confidence capped at 0.8). */
export async function demoteHeuristic(ctx: CoreHandle, input: { id: number; reason?: string | null }) {
  checkNote('reason', input.reason);
  return writeTransaction(ctx.db, async (trx) => {
    const h = await requireRow(trx, 'heuristics', input.id);
    if (h.is_golden !== 1)
      throw new ElfError('INVALID_INPUT', `id: heuristic #${h.id} is not a golden rule`, { field: 'id' });
    const confidence = await demoteInTransaction(trx, h, {
      ...manualChange(ctx, nowIso(ctx)),
      reason: input.reason ?? 'demoted by hand',
    });
    return toHeuristic({ ...h, is_golden: 0, confidence });
  });
}

/** `elf heuristic revive ID`: a dormant or archived heuristic is active again, confidence ≥ 0.35. */
export async function reviveHeuristic(ctx: CoreHandle, input: { id: number; reason?: string | null }) {
  checkNote('reason', input.reason);
  return applyByHand(ctx, input.id, { event: 'revived', reason: input.reason ?? 'revived by hand' });
}

/** The audited changes of one heuristic (the newest `limit`), oldest first (`elf heuristic history`). */
export async function heuristicHistory(ctx: CoreHandle, id: number, limit = 1000) {
  const h = await requireRow(ctx.db, 'heuristics', id);
  const updates = await ctx.db
    .selectFrom('confidence_updates')
    .selectAll()
    .where('heuristic_id', '=', id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  // The newest `limit` changes, shown oldest first.
  updates.reverse();
  return {
    heuristic: toHeuristic(h),
    updates: updates.map((u) => ({ ...u, rate_limited: u.rate_limited === 1 })),
  };
}

export interface ListHeuristicsInput {
  status?: HeuristicStatus | 'all';
  domain?: string | null;
  golden?: boolean;
  limit?: number;
}

/** Heuristics of this project and global ones, by status (default active), strongest first. */
export async function listHeuristics(ctx: CoreHandle, input: ListHeuristicsInput = {}): Promise<Heuristic[]> {
  let query = ctx.db.selectFrom('heuristics').selectAll();
  const status = input.status ?? 'active';
  if (status !== 'all') query = query.where('status', '=', status);
  if (input.domain) query = query.where('domain', '=', input.domain);
  if (input.golden !== undefined) query = query.where('is_golden', '=', input.golden ? 1 : 0);
  query = query.where(appliesToProject(ctx.projectPath));
  const rows = await query
    .orderBy('is_golden', 'desc')
    .orderBy('confidence', 'desc')
    .orderBy('id')
    .limit(Math.min(Math.max(1, input.limit ?? 100), 10_000))
    .execute();
  return rows.map(toHeuristic);
}

/** Promotions and demotions recorded since `since` (check-in reports them). */
export async function standingChangesSince(ctx: CoreHandle, since: string | null, limit = 50) {
  let query = ctx.db
    .selectFrom('confidence_updates as u')
    .innerJoin('heuristics as h', 'h.id', 'u.heuristic_id')
    .select([
      'u.heuristic_id',
      'u.update_type',
      'u.source',
      'u.reason',
      'u.created_at',
      'h.rule',
      'h.domain',
      'h.confidence',
    ])
    .where('u.update_type', 'in', ['promoted', 'demoted']);
  if (since) query = query.where('u.created_at', '>', since);
  return query.orderBy('u.created_at', 'desc').limit(limit).execute();
}

/** Golden rules violated 3+ times in the last 7 days (listed in mode `suggest`). */
export async function demotionCandidates(ctx: CoreHandle, limit = 20) {
  const since = windowStart(nowIso(ctx), demotion.windowDays);
  return ctx.db
    .selectFrom('violations as v')
    .innerJoin('heuristics as h', 'h.id', 'v.rule_id')
    .select((eb) => ['h.id', 'h.rule', 'h.domain', 'h.confidence', eb.fn.countAll<number>().as('violations')])
    .where('v.violation_date', '>=', since)
    .where('h.is_golden', '=', 1)
    .where('h.status', '=', 'active')
    .groupBy('h.id')
    .having((eb) => eb.fn.countAll(), '>=', demotion.violations)
    .orderBy('violations', 'desc')
    .limit(limit)
    .execute();
}
