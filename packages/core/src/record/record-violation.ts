import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { applyOutcome } from '../lifecycle/apply-outcome.js';
import { checkGoldenViolations, type GoldenViolationCheck } from '../lifecycle/golden-violations.js';
import { lifecycleConfig } from '../lifecycle/settings.js';
import { toViolation } from '../mappers.js';
import { insertRow, requireRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Violation } from '../types.js';
import { id, limits, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const violationInput = v.object({
  rule_id: id,
  rule_name: text(limits.title),
  description: optionalText(limits.longText),
  session_id: optionalText(200),
});

export type RecordViolationInput = v.InferInput<typeof violationInput>;

/**
 * Records that a golden rule was broken (`rule_id`: a golden heuristic, or one since demoted), then applies the
 * lifecycle's rules: demotion at 3 violations of the rule in 7 days, the warning level, and one
 * CEO review at the critical level.
 */
export async function recordViolation(
  ctx: CoreHandle,
  input: RecordViolationInput,
): Promise<Violation & { lifecycle: GoldenViolationCheck }> {
  const data = parseInput(violationInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const rule = await requireRow(trx, 'heuristics', data.rule_id, 'rule_id');
    // A rule demoted for its violations can still be violated on record.
    const wasGolden =
      rule.is_golden === 1 ||
      (await trx
        .selectFrom('confidence_updates')
        .select('id')
        .where('heuristic_id', '=', rule.id)
        .where('update_type', '=', 'demoted')
        .limit(1)
        .executeTakeFirst()) !== undefined;
    if (!wasGolden) {
      throw new ElfError('INVALID_INPUT', `rule_id: heuristic ${data.rule_id} is not a golden rule`, {
        field: 'rule_id',
      });
    }
    if (rule.status !== 'active') {
      throw new ElfError('INVALID_INPUT', `rule_id: heuristic ${data.rule_id} is ${rule.status}`, { field: 'rule_id' });
    }
    const row = await insertRow(trx, 'violations', {
      ...data,
      session_id: data.session_id ?? ctx.sessionId ?? null,
      violation_date: now,
    });
    const config = await lifecycleConfig(trx);
    // The rule was broken on record: its confidence moves like any violation, through the one
    // confidence function, which also runs the demotion and accountability checks.
    const applied = await applyOutcome(
      { ...ctx, db: trx },
      {
        heuristicId: rule.id,
        event: 'violated',
        source: 'manual',
        reason: `violation #${row.id}${row.description ? `: ${row.description}` : ''}`.slice(0, 2000),
        sessionId: row.session_id,
        violationRecorded: true,
        config,
      },
    );
    const lifecycle =
      applied?.violations ??
      (await checkGoldenViolations(trx, rule, {
        config,
        at: now,
        sessionId: row.session_id,
        agentId: ctx.agentId ?? null,
      }));
    return { ...toViolation(row), lifecycle };
  });
}
