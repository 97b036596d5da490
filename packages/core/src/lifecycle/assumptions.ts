import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { changeRow } from '../rows.js';
import type { Assumption } from '../types.js';
import { id, limits, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

/** Verifications at which an assumption counts as verified (the 3rd, not the original's 4th). */
export const verifiedAfter = 3;
/** Below this share of verifications an assumption is challenged. */
export const challengedBelow = 0.3;
/** A note is evidence, not an essay. */
export const noteLimit = 2_000;

/**
 * Confidence and status from the counts after the update. The original ELF compared the count
 * from before the update in its SQL CASE, so it flipped to `verified` one verification late.
 */
export function assumptionStanding(
  verified: number,
  challenged: number,
): { confidence: number; status: Assumption['status'] } {
  const total = verified + challenged;
  const confidence = total === 0 ? 0 : Math.round((verified / total) * 10_000) / 10_000;
  if (confidence === 0) return { confidence, status: 'invalidated' };
  if (confidence < challengedBelow) return { confidence, status: 'challenged' };
  return { confidence, status: verified >= verifiedAfter ? 'verified' : 'active' };
}

/**
 * Appends a dated note (`[verified 2026-11-26] CI showed 4 cores`) to a text column, so the
 * evidence stays with the item; there is no separate notes table. Refused when the column is full.
 */
export function appendNote(existing: string | null, label: string, iso: string, note: string, max: number): string {
  const line = `[${label} ${iso.slice(0, 10)}] ${note}`;
  const combined = existing ? `${existing}\n${line}` : line;
  if (combined.length > max) {
    throw new ElfError('INVALID_INPUT', `note: the text it is added to would exceed ${max} characters`, {
      field: 'note',
    });
  }
  return combined;
}

const evidenceInput = v.object({ id, note: optionalText(noteLimit) });
export type AssumptionEvidenceInput = v.InferInput<typeof evidenceInput>;

async function addEvidence(
  ctx: CoreHandle,
  input: AssumptionEvidenceInput,
  kind: 'verified' | 'challenged',
): Promise<Assumption> {
  const data = parseInput(evidenceInput, input);
  const now = nowIso(ctx);
  return changeRow(ctx.db, 'assumptions', data.id, (row) => {
    const verified = row.verified_count + (kind === 'verified' ? 1 : 0);
    const challenged = row.challenged_count + (kind === 'challenged' ? 1 : 0);
    const { confidence, status } = assumptionStanding(verified, challenged);
    return {
      verified_count: verified,
      challenged_count: challenged,
      confidence,
      status,
      context: data.note ? appendNote(row.context, kind, now, data.note, limits.longText) : row.context,
      ...(kind === 'verified' ? { last_verified_at: now } : {}),
      updated_at: now,
    };
  });
}

/** Counts one more confirmation of an assumption and recomputes its confidence and status. */
export function verifyAssumption(ctx: CoreHandle, input: AssumptionEvidenceInput): Promise<Assumption> {
  return addEvidence(ctx, input, 'verified');
}

/** Counts one more piece of evidence against an assumption and recomputes its confidence and status. */
export function challengeAssumption(ctx: CoreHandle, input: AssumptionEvidenceInput): Promise<Assumption> {
  return addEvidence(ctx, input, 'challenged');
}
