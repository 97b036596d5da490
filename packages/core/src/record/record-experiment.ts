import { ElfError } from '@elf/schema';
import { sql } from 'kysely';
import * as v from 'valibot';
import { type CoreHandle, newItem, nowIso } from '../core-handle.js';
import { insertRow, requireRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Cycle, Experiment } from '../types.js';
import { id, limits, optionalDomain, optionalText, orNull, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const experimentInput = v.object({
  name: text(limits.name),
  hypothesis: text(limits.shortText),
  domain: optionalDomain,
});

export type RecordExperimentInput = v.InferInput<typeof experimentInput>;

/** Starts an experiment. Names are unique. */
export async function recordExperiment(ctx: CoreHandle, input: RecordExperimentInput): Promise<Experiment> {
  const data = parseInput(experimentInput, input);
  const item = newItem(ctx, 'experiment', data);
  return writeTransaction(ctx.db, async (trx) => {
    const existing = await trx.selectFrom('experiments').select('id').where('name', '=', data.name).executeTakeFirst();
    if (existing) {
      throw new ElfError('INVALID_INPUT', `name: an experiment named "${data.name}" already exists (#${existing.id})`, {
        field: 'name',
      });
    }
    return insertRow(trx, 'experiments', {
      ...data,
      ...item,
    });
  });
}

const cycleInput = v.object({
  experiment_id: id,
  try_summary: optionalText(limits.longText),
  break_summary: optionalText(limits.longText),
  analysis: optionalText(limits.longText),
  learning_extracted: optionalText(limits.longText),
  /** The "next" of try → break → analyze → learn → next: what to try in the following cycle. */
  next_step: optionalText(10_000),
  heuristic_id: orNull(id),
});

export type RecordCycleInput = v.InferInput<typeof cycleInput>;

/**
 * Records the next try → break → analyze → learn → next cycle of an active experiment, numbered
 * after the last one, and counts it in the experiment's cycles_run. A cycle must say something.
 */
export async function recordCycle(ctx: CoreHandle, input: RecordCycleInput): Promise<Cycle> {
  const data = parseInput(cycleInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const experiment = await requireRow(trx, 'experiments', data.experiment_id, 'experiment_id');
    if (experiment.status !== 'active') {
      throw new ElfError(
        'INVALID_INPUT',
        `experiment_id: experiment #${experiment.id} is ${experiment.status}; only an active experiment runs cycles`,
        { field: 'experiment_id' },
      );
    }
    const { try_summary, break_summary, analysis, learning_extracted, next_step, heuristic_id } = data;
    if ([try_summary, break_summary, analysis, learning_extracted, next_step, heuristic_id].every((x) => x == null)) {
      throw new ElfError(
        'INVALID_INPUT',
        'try_summary: a cycle needs at least one of try, break, analysis, learning, next',
        {
          field: 'try_summary',
        },
      );
    }
    await trx
      .updateTable('experiments')
      .set({ cycles_run: sql`cycles_run + 1`, updated_at: now })
      .where('id', '=', experiment.id)
      .execute();
    return insertRow(trx, 'cycles', {
      ...data,
      experiment_id: experiment.id,
      cycle_number: experiment.cycles_run + 1,
      created_at: now,
    });
  });
}
