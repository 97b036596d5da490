import { isObject, obj, str, textOf } from '../hook-payload.js';
import type { HookRun } from '../hook-run.js';
import { describeInput, trailFor } from '../trail-location.js';
import { subagentTools } from './pre-tool-use.js';

/** A Bash result that reports failure in-band (older builds send failures as PostToolUse). */
function bashFailed(response: unknown): boolean {
  if (!isObject(response)) return false;
  const code = response.exit_code ?? response.exitCode ?? response.returnCode;
  return response.is_error === true || (typeof code === 'number' && code !== 0);
}

/**
 * PostToolUse: counts the call, lays a trail for file tools and shell commands, and for a
 * subagent (Task) settles its consulted heuristics with the outcome of its output, records a
 * failure when it failed, and learns its markers when it did not.
 */
export async function postToolUse(run: HookRun): Promise<string | null> {
  const { elf, payload } = run;
  const tool = str(payload.raw, 'tool_name');
  if (!tool) return null;
  const core = await import('@elf/core');
  const ctx = elf.context;
  const input = obj(payload.raw, 'tool_input');
  const response = payload.raw.tool_response;
  const failed = tool === 'Bash' && bashFailed(response);
  await core.countToolUse(ctx, { sessionId: payload.sessionId, toolName: tool, failed });
  const trail = trailFor(tool, input, run.checkout);
  if (trail) {
    const redact = (text: string) => core.redactSecrets(text).text;
    await core.recordTrail(ctx, { ...trail, location: redact(trail.location), message: redact(trail.message) });
  }
  if (failed) {
    await core.captureToolFailure(ctx, {
      sessionId: payload.sessionId,
      toolName: tool,
      error: textOf(response, 20_000) || 'non-zero exit status',
      inputSummary: describeInput(tool, input, run.checkout),
    });
  }
  if (subagentTools.has(tool)) await settleSubagent(run, str(payload.raw, 'tool_use_id'), textOf(response));
  return null;
}

/** Settles a subagent's consulted heuristics and learns from its output (shared with SubagentStop). */
export async function settleSubagent(
  run: HookRun,
  agentKey: string | null,
  output: string,
  agentType: string | null = null,
): Promise<void> {
  const { elf, payload } = run;
  const core = await import('@elf/core');
  const ctx = elf.context;
  const { outcome, reason } = core.classifyOutcome(output);
  await core.resolveConsultations(ctx, { sessionId: payload.sessionId, outcome, reason, agentKey, agentType });
  if (outcome === 'failure') {
    const description = str(obj(payload.raw, 'tool_input'), 'description');
    await core.captureToolFailure(ctx, {
      sessionId: payload.sessionId,
      toolName: 'Subagent',
      error: `${reason}\n\n${output.slice(0, 2000)}`,
      inputSummary: description,
    });
    return; // markers in a failed task are not learned
  }
  const markers = core.extractMarkers(output);
  if (markers.length > 0) await core.learnFromMarkers(ctx, { sessionId: payload.sessionId, markers });
}
