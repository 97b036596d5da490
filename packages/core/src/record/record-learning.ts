import type { Database, LearningRow, NewLearningRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { type CoreHandle, newItem } from '../core-handle.js';
import { joinTags, splitTags, toLearning } from '../mappers.js';
import { writeTransaction } from '../transaction.js';
import type { Learning } from '../types.js';
import { domain, limits, oneOf, optionalText, severity, tags, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { projectPathInput, resolveScope } from './scope.js';

export const recordableLearningTypes = ['failure', 'success', 'observation'] as const;

const learningInput = v.object({
  type: oneOf(recordableLearningTypes),
  title: text(limits.title),
  summary: optionalText(limits.summary),
  domain,
  severity: v.optional(severity, 3),
  tags,
  filepath: optionalText(4096),
  project_path: projectPathInput,
});

export type RecordLearningInput = v.InferInput<typeof learningInput>;

/** Records a failure, success or observation; its tags become exact-match rows in one transaction. */
export async function recordLearning(ctx: CoreHandle, input: RecordLearningInput): Promise<Learning> {
  const data = parseInput(learningInput, input);
  const item = newItem(ctx, 'learning', data);
  return writeTransaction(ctx.db, async (trx) =>
    toLearning(
      await insertLearningRow(trx, {
        ...data,
        tags: joinTags(data.tags),
        project_path: resolveScope(ctx, data.project_path),
        ...item,
      }),
    ),
  );
}

/**
 * Inserts one learning row and its exact-match tag rows: the single place that keeps
 * learning_tags in step with learnings.tags (recording and import both use it).
 */
export async function insertLearningRow(trx: Kysely<Database>, values: NewLearningRow): Promise<LearningRow> {
  const row = await trx.insertInto('learnings').values(values).returningAll().executeTakeFirstOrThrow();
  const tags = splitTags(row.tags);
  if (tags.length > 0) {
    await trx
      .insertInto('learning_tags')
      .values(tags.map((tag) => ({ tag, learning_id: row.id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return row;
}
