import {
  type AppliedOutcome,
  type CapturedItem,
  captureToolFailure,
  classifyOutcome,
  extractMarkers,
  learnFromMarkers,
  resolveConsultations,
} from '@elf/core';
import type { EventScope } from './scope.js';

export interface SubagentResult {
  /** The subagent's key (a tool-use id), or null when only its type is known. */
  agentKey: string | null;
  agentType: string | null;
  description: string | null;
  /** What it answered: its outcome is read from this. */
  output: string;
}

/**
 * Settles the heuristics a subagent was given with the outcome of its answer; a failed one is
 * recorded as a failure, titled by the error its answer names. Its markers are learned either way:
 * what a subagent learned from failing is the lesson most worth keeping. Whichever of the two
 * events that report a subagent comes second finds the work done.
 */
export async function settleSubagent(
  scope: EventScope,
  subagent: SubagentResult,
): Promise<{ settled: AppliedOutcome[]; captured: CapturedItem[] }> {
  const { ctx, session } = scope;
  const { outcome, reason } = classifyOutcome(subagent.output);
  const settled = await resolveConsultations(ctx, {
    sessionId: session.sessionId,
    outcome,
    reason,
    agentKey: subagent.agentKey,
    agentType: subagent.agentType,
  });
  const captured: CapturedItem[] = [];
  if (outcome === 'failure') {
    const failure = await captureToolFailure(ctx, {
      sessionId: session.sessionId,
      toolName: 'Subagent',
      error: `${subagent.output.slice(0, 2000)}\n\n(${reason})`,
      inputSummary: subagent.description,
    });
    if (failure) captured.push(failure);
  }
  const markers = extractMarkers(subagent.output);
  if (markers.length > 0) captured.push(...(await learnFromMarkers(ctx, { sessionId: session.sessionId, markers })));
  return { settled, captured };
}
