import { type AppliedOutcome, applyOutcome, ElfError } from '@elf/core';
import { z } from 'zod';
import { heuristicId, optionalText } from './limits.js';
import { redactFields } from './redact.js';
import { additive, defineTool, type ToolEnv } from './tool-spec.js';

const outcomeInput = z.strictObject({
  id: heuristicId,
  note: optionalText(2000, 'What showed it'),
  session: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Your agent session id, if it has one (an outcome counts once per rule per session)'),
});

type OutcomeArgs = z.output<typeof outcomeInput>;

/** What the model should know after an outcome: the move, or why it did not move, and any change of standing. */
export function outcomeText(applied: AppliedOutcome): string {
  const id = `Heuristic #${applied.heuristicId}`;
  const stays = `confidence stays ${applied.oldConfidence.toFixed(2)}`;
  if (applied.rateLimited === 'session')
    return `${id}: already counted in this session (once per rule per session); ${stays}.`;
  if (applied.rateLimited === 'daily') return `${id}: its automatic updates for today are used up; ${stays}.`;
  const verb = applied.event === 'validated' ? 'held' : 'did not hold';
  const notes = [
    applied.promoted ? 'It is now a golden rule.' : '',
    applied.promotionSuggested
      ? `It qualifies as a golden rule; a person decides (elf heuristic promote ${applied.heuristicId}).`
      : '',
    applied.demoted ? 'It is no longer a golden rule.' : '',
    applied.becameDormant ? 'It fell below the dormancy line and will no longer be offered.' : '',
  ].filter(Boolean);
  const move = `confidence ${applied.oldConfidence.toFixed(2)} → ${applied.newConfidence.toFixed(2)}`;
  return [`${id} ${verb}: ${move}.`, ...notes].join(' ');
}

/**
 * An agent's report that a rule held or not goes through the one confidence function as the
 * hooks' outcomes do (`auto`): once per rule per session, and the daily cap. A person's
 * `elf heuristic validate` is the one that always applies.
 */
async function outcome(event: 'validated' | 'violated', args: OutcomeArgs, env: ToolEnv): Promise<{ text: string }> {
  const rule = await env.elf.getHeuristic(args.id);
  if (rule.status !== 'active') {
    throw new ElfError(
      'INVALID_INPUT',
      `id: heuristic #${args.id} is ${rule.status}; only active rules take outcomes`,
      {
        field: 'id',
      },
    );
  }
  const note = args.note ? redactFields({ note: args.note }).fields.note : null;
  const applied = await applyOutcome(env.elf.core, {
    heuristicId: args.id,
    event,
    source: 'auto',
    sessionId: args.session ?? env.session.sessionId,
    reason: note,
  });
  if (!applied) throw new ElfError('NOT_FOUND', `id: no active heuristic with id ${args.id}`, { field: 'id' });
  return { text: outcomeText(applied) };
}

export const validateHeuristicTool = defineTool({
  name: 'elf_validate_heuristic',
  title: 'A rule held',
  description: 'When a rule ELF gave you (#id) proved right in this task: raises its confidence.',
  input: outcomeInput,
  annotations: { ...additive, idempotentHint: true, title: 'A rule held' },
  run: (args, env) => outcome('validated', args, env),
});

export const violateHeuristicTool = defineTool({
  name: 'elf_violate_heuristic',
  title: 'A rule failed',
  description: 'When a rule ELF gave you (#id) proved wrong or misleading here: lowers its confidence.',
  input: outcomeInput,
  annotations: { ...additive, idempotentHint: true, title: 'A rule failed' },
  run: (args, env) => outcome('violated', args, env),
});
