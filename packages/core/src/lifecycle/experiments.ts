import { type Database, ElfError } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { type RecordedHeuristic, recordHeuristic } from '../record/record-heuristic.js';
import { requireRow, updateRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Cycle, Experiment } from '../types.js';
import { id, limits, optionalDomain, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

/** At most this many cycles are listed with an experiment (the query has a LIMIT, like every query). */
export const cyclesShown = 1_000;

async function activeExperiment(trx: Kysely<Database>, wanted: number): Promise<Experiment> {
  const row = await requireRow(trx, 'experiments', wanted);
  if (row.status !== 'active') {
    throw new ElfError('INVALID_INPUT', `id: experiment #${wanted} is already ${row.status}`, { field: 'id' });
  }
  return row;
}

const completeInput = v.object({
  id,
  conclusion: text(limits.longText),
  heuristic: v.optional(
    v.nullable(
      v.object({
        rule: text(limits.rule),
        domain: optionalDomain,
        explanation: optionalText(limits.explanation),
      }),
    ),
  ),
});
export type CompleteExperimentInput = v.InferInput<typeof completeInput>;

export interface CompletedExperiment {
  experiment: Experiment;
  /** The heuristic learned, when one was given (or the active one it nearly repeated, see recordHeuristic). */
  heuristic: RecordedHeuristic | null;
}

/**
 * Completes an active experiment with its conclusion and, optionally, the heuristic it taught
 * (source `experiment`, source_id = the experiment; domain defaults to the experiment's) — both in
 * one transaction, so a refused heuristic leaves the experiment active.
 */
export function completeExperiment(ctx: CoreHandle, input: CompleteExperimentInput): Promise<CompletedExperiment> {
  return closeWithConclusion(ctx, input, 'completed');
}

export type AbandonExperimentInput = CompleteExperimentInput;

/**
 * Abandons an active experiment, saying why; completed_at records when it ended. An abandoned
 * experiment can teach a rule too ("this approach does not work"): `heuristic` as for completion.
 */
export function abandonExperiment(ctx: CoreHandle, input: AbandonExperimentInput): Promise<CompletedExperiment> {
  return closeWithConclusion(ctx, input, 'abandoned');
}

async function closeWithConclusion(
  ctx: CoreHandle,
  input: CompleteExperimentInput,
  status: 'completed' | 'abandoned',
): Promise<CompletedExperiment> {
  const data = parseInput(completeInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const current = await activeExperiment(trx, data.id);
    let heuristic: RecordedHeuristic | null = null;
    if (data.heuristic) {
      const heuristicDomain = data.heuristic.domain ?? current.domain;
      if (!heuristicDomain) {
        throw new ElfError(
          'INVALID_INPUT',
          `domain: experiment #${current.id} has no domain; give the heuristic one (--domain)`,
          { field: 'domain' },
        );
      }
      heuristic = await recordHeuristic(
        { ...ctx, db: trx },
        {
          domain: heuristicDomain,
          rule: data.heuristic.rule,
          explanation: data.heuristic.explanation,
          source: 'experiment',
          source_id: current.id,
        },
      );
    }
    const experiment = await updateRow(trx, 'experiments', current.id, {
      status,
      conclusion: data.conclusion,
      completed_at: now,
      updated_at: now,
    });
    return { experiment, heuristic };
  });
}

const idInput = v.object({ id });

/** An experiment with its cycles in order (first cycle first). */
export async function getExperiment(
  ctx: CoreHandle,
  experimentId: number | string,
): Promise<{ experiment: Experiment; cycles: Cycle[] }> {
  const { id: wanted } = parseInput(idInput, { id: experimentId });
  const experiment = await requireRow(ctx.db, 'experiments', wanted);
  const cycles = await ctx.db
    .selectFrom('cycles')
    .selectAll()
    .where('experiment_id', '=', wanted)
    .orderBy('cycle_number')
    .limit(cyclesShown)
    .execute();
  return { experiment, cycles };
}
