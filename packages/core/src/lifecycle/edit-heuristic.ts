import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso, tokensFor } from '../core-handle.js';
import { toHeuristic } from '../mappers.js';
import { requireRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { domain, id, limits, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { changeHeuristic, manualChange } from './audit.js';

const editInput = v.object({
  id,
  rule: v.optional(text(limits.rule)),
  explanation: v.optional(optionalText(limits.explanation)),
  domain: v.optional(domain),
});
export type EditHeuristicInput = v.InferInput<typeof editInput>;

/**
 * A person corrects a heuristic's words or domain (the dashboard's edit). Its evidence stays: the
 * confidence, the counts and the history are the rule's, and a `manual` audit row says what changed.
 * The full-text index follows by trigger; the token count is counted again (or cleared).
 */
export async function editHeuristic(ctx: CoreHandle, input: EditHeuristicInput): Promise<Heuristic> {
  const data = parseInput(editInput, input);
  const changes = (['rule', 'explanation', 'domain'] as const).filter((key) => data[key] !== undefined);
  if (changes.length === 0) {
    throw new ElfError('INVALID_INPUT', 'rule: give at least one of rule, explanation, domain', { field: 'rule' });
  }
  return writeTransaction(ctx.db, async (trx) => {
    const old = await requireRow(trx, 'heuristics', data.id);
    const rule = data.rule ?? old.rule;
    const explanation = data.explanation !== undefined ? data.explanation : old.explanation;
    const now = nowIso(ctx);
    const row = await changeHeuristic(
      trx,
      old,
      {
        rule,
        explanation,
        domain: data.domain ?? old.domain,
        token_count: tokensFor(ctx, 'heuristic', { rule }),
        updated_at: now,
      },
      { ...manualChange(ctx, now), type: 'manual', reason: `edited ${changes.join(', ')}` },
    );
    return toHeuristic(row);
  });
}
