import { obj, str, textOf } from '../hook-payload.js';
import type { HookRun } from '../hook-run.js';
import { describeInput } from '../trail-location.js';
import { subagentTools } from './pre-tool-use.js';

/**
 * PostToolUseFailure: records the failure as a learning (tool, error, what it was asked to do;
 * domain inferred), unless the user interrupted it. A failed subagent also violates the
 * heuristics it was given.
 */
export async function postToolUseFailure(run: HookRun): Promise<string | null> {
  const { elf, payload } = run;
  const tool = str(payload.raw, 'tool_name') ?? 'tool';
  const core = await import('@elf/core');
  const ctx = elf.context;
  await core.countToolUse(ctx, { sessionId: payload.sessionId, toolName: tool, failed: true });
  if (payload.raw.is_interrupt === true) return null;
  const input = obj(payload.raw, 'tool_input');
  const error = str(payload.raw, 'error') ?? textOf(payload.raw.tool_response, 20_000);
  if (subagentTools.has(tool)) {
    await core.resolveConsultations(ctx, {
      sessionId: payload.sessionId,
      outcome: 'failure',
      reason: 'the subagent tool call failed',
      agentKey: str(payload.raw, 'tool_use_id'),
    });
  }
  await core.captureToolFailure(ctx, {
    sessionId: payload.sessionId,
    toolName: tool,
    error: error ?? 'failed without an error message',
    inputSummary: describeInput(tool, input, run.checkout),
  });
  return null;
}
