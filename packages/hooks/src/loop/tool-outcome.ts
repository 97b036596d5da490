import {
  type CapturedItem,
  captureToolFailure,
  countToolUse,
  recordTrail,
  redactSecrets,
  resolveConsultations,
} from '@elf/core';
import type { EventResult, ToolOutcomeEvent } from '../events.js';
import { type EventScope, eventResult } from './scope.js';
import { settleSubagent } from './subagent-result.js';

/**
 * A tool call's outcome: counted for the session; a trail where it went; a failure recorded as
 * a failure learning (unless the user interrupted it); and for a subagent, its heuristics
 * settled — violated when the call failed, else by what it answered, whose markers are learned.
 */
export async function toolOutcome(scope: EventScope, event: ToolOutcomeEvent): Promise<EventResult> {
  const { ctx, session } = scope;
  const failed = event.outcome !== 'success';
  await countToolUse(ctx, { sessionId: session.sessionId, toolName: event.tool, failed });
  if (event.outcome === 'interrupted') return eventResult(null);
  const captured: CapturedItem[] = [];
  const trail = event.trail ?? null;
  if (trail) {
    const redact = (text: string) => redactSecrets(text).text;
    await recordTrail(ctx, { ...trail, location: redact(trail.location), message: redact(trail.message) });
  }
  const subagent = event.subagent ?? null;
  let settled =
    subagent && failed
      ? await resolveConsultations(ctx, {
          sessionId: session.sessionId,
          outcome: 'failure',
          reason: 'the subagent tool call failed',
          agentKey: subagent.agentKey,
        })
      : [];
  if (failed) {
    const failure = await captureToolFailure(ctx, {
      sessionId: session.sessionId,
      toolName: event.tool,
      error: event.error ?? '',
      inputSummary: event.summary ?? null,
    });
    if (failure) captured.push(failure);
  } else if (subagent) {
    const result = await settleSubagent(scope, { ...subagent, agentType: null });
    settled = result.settled;
    captured.push(...result.captured);
  }
  return eventResult(null, { trail: trail !== null, settled, captured });
}
