import { trailLocationTypes, trailScents } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { insertRow } from '../rows.js';
import { oneOf, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { projectPathInput, resolveScope } from './scope.js';

const trailInput = v.object({
  location: text(4096),
  scent: oneOf(trailScents),
  location_type: v.optional(oneOf(trailLocationTypes), 'file'),
  strength: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.check((n) => n >= 0 && n <= 10, 'must be between 0 and 10'),
    ),
    1,
  ),
  message: optionalText(500),
  tags: optionalText(500),
  project_path: projectPathInput,
});

export type RecordTrailInput = v.InferInput<typeof trailInput>;

/** Records where an agent went (a file read or written, a search, a command): the raw material of hotspots. */
export async function recordTrail(ctx: CoreHandle, input: RecordTrailInput) {
  const data = parseInput(trailInput, input);
  return insertRow(ctx.db, 'trails', {
    ...data,
    agent_id: ctx.agentId ?? null,
    session_id: ctx.sessionId ?? null,
    project_path: resolveScope(ctx, data.project_path),
    created_at: nowIso(ctx),
  });
}
