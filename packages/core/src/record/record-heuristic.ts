import { heuristicSourceTypes } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso, tokensFor } from '../core-handle.js';
import { applyOutcome } from '../lifecycle/apply-outcome.js';
import { clampConfidence } from '../lifecycle/confidence.js';
import { findNearDuplicate } from '../lifecycle/near-duplicates.js';
import { heuristicScopes } from '../lifecycle/settings.js';
import { toHeuristic } from '../mappers.js';
import { insertRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { confidence, domain, id, limits, oneOf, optionalText, orNull, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { placeHeuristic, projectPathInput } from './scope.js';

const heuristicInput = v.object({
  domain,
  rule: text(limits.rule),
  explanation: optionalText(limits.explanation),
  confidence: v.optional(confidence, 0.5),
  source: v.optional(oneOf(heuristicSourceTypes), 'observation'),
  source_id: orNull(id),
  category: v.pipe(
    optionalText(100),
    v.transform((value) => value?.toLowerCase() ?? null),
  ),
  /**
   * Where it applies: `global` (every project) or `project` (the one it is learned in).
   * Default: the `record.default-scope` setting.
   */
  scope: v.optional(oneOf(heuristicScopes)),
  /** Applicability for library callers: a project root = only there, null = global. Not with `scope`. */
  project_path: projectPathInput,
  /** Where it was learned; default the current project root. */
  origin_path: projectPathInput,
  /** Insert even when an active heuristic of the domain nearly repeats the rule. */
  force: v.optional(v.boolean('must be true or false'), false),
});

export type RecordHeuristicInput = v.InferInput<typeof heuristicInput>;

/** A recorded heuristic: the new row, or (with `mergedInto`) the existing one it repeated. */
export interface RecordedHeuristic extends Heuristic {
  /** Set when the rule nearly repeated this active heuristic, which was reinforced instead. */
  mergedInto?: number;
  /** With `mergedInto`: the reinforced heuristic's confidence before. */
  previousConfidence?: number;
}

/**
 * Records a rule with a starting confidence (default 0.5), global unless project scope is asked
 * for (see placeHeuristic), with where it was learned (origin_path). A rule that nearly repeats
 * an active heuristic of its domain (see findNearDuplicate) reinforces that one (a `validated`
 * outcome, rate-limited like the hooks') instead of adding a twin, unless `force`. The starting
 * confidence is kept within the non-golden bounds [0.05, 0.95].
 */
export async function recordHeuristic(ctx: CoreHandle, input: RecordHeuristicInput): Promise<RecordedHeuristic> {
  const data = parseInput(heuristicInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const place = await placeHeuristic(ctx, trx, data);
    if (!data.force) {
      // Compared within the new rule's scope: a global rule reinforces only a global twin, so
      // recording a rule globally never lands in a rule confined to one project.
      const twin = await findNearDuplicate(trx, {
        domain: data.domain,
        rule: data.rule,
        projectPath: place.project_path,
      });
      if (twin) {
        const { id: twinId, confidence: before } = twin.heuristic;
        await applyOutcome(
          { ...ctx, db: trx },
          // Recording again is evidence, not a person's explicit validation: it is limited like the
          // hooks' updates (once per session, a daily cap), so re-recording cannot make a rule golden.
          {
            heuristicId: twinId,
            event: 'validated',
            source: 'auto',
            reason: `recorded again: ${data.rule}`.slice(0, 2000),
          },
        );
        const row = await trx.selectFrom('heuristics').selectAll().where('id', '=', twinId).executeTakeFirstOrThrow();
        return { ...toHeuristic(row), mergedInto: twinId, previousConfidence: before };
      }
    }
    const row = await insertRow(trx, 'heuristics', {
      domain: data.domain,
      rule: data.rule,
      explanation: data.explanation,
      confidence: clampConfidence(data.confidence, false),
      source_type: data.source,
      source_id: data.source_id,
      category: data.category,
      project_path: place.project_path,
      origin_path: place.origin_path,
      token_count: tokensFor(ctx, 'heuristic', data),
      created_at: now,
      updated_at: now,
    });
    return toHeuristic(row);
  });
}
