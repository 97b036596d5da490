import { heuristicSourceTypes } from '@elf/schema';
import * as v from 'valibot';
import { type CoreContext, nowIso, tokensFor } from '../context.js';
import { toHeuristic } from '../mappers.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { confidence, domain, id, limits, oneOf, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { projectPathInput, resolveScope } from './scope.js';

const heuristicInput = v.object({
  domain,
  rule: text(limits.rule),
  explanation: optionalText(limits.explanation),
  confidence: v.optional(confidence, 0.5),
  source: v.optional(oneOf(heuristicSourceTypes), 'observation'),
  source_id: v.optional(v.nullable(id)),
  category: v.pipe(
    optionalText(100),
    v.transform((value) => value?.toLowerCase() ?? null),
  ),
  project_path: projectPathInput,
});

export type RecordHeuristicInput = v.InferInput<typeof heuristicInput>;

/** Records a rule with a starting confidence (default 0.5), scoped to the current project unless global. */
export async function recordHeuristic(ctx: CoreContext, input: RecordHeuristicInput): Promise<Heuristic> {
  const data = parseInput(heuristicInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('heuristics')
      .values({
        domain: data.domain,
        rule: data.rule,
        explanation: data.explanation,
        confidence: data.confidence,
        source_type: data.source,
        source_id: data.source_id ?? null,
        category: data.category,
        project_path: resolveScope(ctx, data.project_path),
        token_count: tokensFor(ctx, 'heuristic', data),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toHeuristic(row);
  });
}
