import type { HeuristicRow } from '@elf/schema';
import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { toHeuristic } from '../mappers.js';
import { requireRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { id } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { applyOutcome } from './apply-outcome.js';
import { auditHeuristic, changeHeuristic, manualChange } from './audit.js';
import { requireActive } from './require-heuristic.js';

const mergeInput = v.object({
  keep: id,
  from: id,
  /** Merge even when the two are in different domains. */
  force: v.optional(v.boolean('must be true or false'), false),
});
export type MergeHeuristicsInput = v.InferInput<typeof mergeInput>;

export interface MergeResult {
  /** The heuristic kept, after the merge. */
  kept: Heuristic;
  /** The one merged into it, now superseded by it. */
  merged: Heuristic;
  /** The kept one's confidence before the merge. */
  oldConfidence: number;
}

type Evidence = Pick<HeuristicRow, 'confidence' | 'times_validated'>;

/**
 * The merged confidence: each side weighted by how often it was validated, so the better-proven
 * rule counts for more; the plain mean when neither was ever validated. Rounded to 4 places.
 */
export function mergedConfidence(a: Evidence, b: Evidence): number {
  const weight = a.times_validated + b.times_validated;
  const value =
    weight > 0
      ? (a.confidence * a.times_validated + b.confidence * b.times_validated) / weight
      : (a.confidence + b.confidence) / 2;
  return Math.round(value * 10_000) / 10_000;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * Merges heuristic `from` into `keep`: `keep` takes the validation-weighted confidence, the sums
 * of both sets of counters and golden standing if either had it; `from` becomes superseded by
 * `keep`. Both get a `merged` audit row, so the trail shows where the evidence came from.
 */
export async function mergeHeuristics(ctx: CoreHandle, input: MergeHeuristicsInput): Promise<MergeResult> {
  const data = parseInput(mergeInput, input);
  if (data.keep === data.from)
    throw new ElfError('INVALID_INPUT', `from: cannot merge heuristic #${data.from} into itself`, { field: 'from' });
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const a = await requireRow(trx, 'heuristics', data.keep, 'keep');
    const b = await requireRow(trx, 'heuristics', data.from, 'from');
    requireActive(a, 'keep', 'only active heuristics can be merged');
    requireActive(b, 'from', 'only active heuristics can be merged');
    if (a.domain !== b.domain && !data.force)
      throw new ElfError(
        'INVALID_INPUT',
        `from: heuristic #${b.id} is in domain ${b.domain}, #${a.id} in ${a.domain}; force to merge across domains`,
        { field: 'from' },
      );
    const confidence = mergedConfidence(a, b);
    const golden = a.is_golden === 1 || b.is_golden === 1;
    const lastUsed = [a.last_used_at, b.last_used_at].filter((t): t is string => t !== null).sort();
    // Counters and golden standing first; the confidence then goes through the one confidence
    // function (audited as `merged`), which also checks dormancy, promotion and demotion.
    await trx
      .updateTable('heuristics')
      .set({
        times_validated: a.times_validated + b.times_validated,
        times_violated: a.times_violated + b.times_violated,
        times_contradicted: a.times_contradicted + b.times_contradicted,
        times_consulted: a.times_consulted + b.times_consulted,
        is_golden: golden ? 1 : 0,
        category: a.category ?? (golden ? b.category : null),
        explanation: a.explanation ?? b.explanation,
        last_used_at: lastUsed.at(-1) ?? null,
        updated_at: now,
      })
      .where('id', '=', a.id)
      .execute();
    const who = manualChange(ctx, now);
    if (golden && a.is_golden !== 1) {
      await auditHeuristic(trx, {
        ...who,
        heuristicId: a.id,
        type: 'promoted',
        oldConfidence: a.confidence,
        newConfidence: a.confidence,
        reason: `golden rule #${b.id} was merged into it`,
      });
    }
    await applyOutcome(
      { ...ctx, db: trx },
      {
        heuristicId: a.id,
        event: 'manual',
        value: confidence,
        auditAs: 'merged',
        source: 'manual',
        sessionId: null,
        reason: `merged #${b.id} (${cut(b.rule, 200)})`,
      },
    );
    const kept = await trx.selectFrom('heuristics').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    const mergedReason = `merged into #${a.id}`;
    const merged = await changeHeuristic(
      trx,
      b,
      {
        status: 'superseded',
        superseded_by: a.id,
        status_reason: mergedReason,
        status_changed_at: now,
        updated_at: now,
      },
      { ...who, type: 'merged', reason: mergedReason },
    );
    return { kept: toHeuristic(kept), merged: toHeuristic(merged), oldConfidence: a.confidence };
  });
}
