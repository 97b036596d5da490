import {
  type CapturedItem,
  captureToolFailure,
  countToolUse,
  errorHeadline,
  recordInjections,
  recordTrail,
  redactSecrets,
  resolveConsultations,
} from '@elf/core';
import type { EventResult, ToolOutcomeEvent } from '../events.js';
import { inject } from './inject.js';
import { type EventScope, eventResult, openScopeSession } from './scope.js';
import { settleSubagent } from './subagent-result.js';

/**
 * A tool call's outcome: counted for the session; a trail where it went; a failure recorded as
 * a failure learning (unless the user interrupted it) and answered with what ELF knows about its
 * error; and for a subagent, its heuristics settled — violated when the call failed, else by what
 * it answered, whose markers are learned.
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
  let context: string | null = null;
  let injected: EventResult['recorded']['injected'] = [];
  if (failed) {
    const failure = await captureToolFailure(ctx, {
      sessionId: session.sessionId,
      toolName: event.tool,
      error: event.error ?? '',
      inputSummary: event.summary ?? null,
    });
    if (failure) captured.push(failure);
    if (!subagent && event.error?.trim()) {
      const known = await knownAboutError(scope, event, failure);
      context = known.context;
      injected = known.items;
    }
  } else if (subagent) {
    const result = await settleSubagent(scope, { ...subagent, agentType: null });
    settled = result.settled;
    captured.push(...result.captured);
  }
  return eventResult(context, { trail: trail !== null, settled, captured, injected });
}

/**
 * The moment a mistake repeats: the error just came back. What ELF knows about it (past failures
 * with this error, the rules learned from them) goes to the agent with the failed result, if the
 * session has not been shown it yet. The failure just recorded is not news: the agent is reading
 * it, so it counts as seen and no later context of the session repeats it.
 */
async function knownAboutError(scope: EventScope, event: ToolOutcomeEvent, failure: CapturedItem | null) {
  await openScopeSession(scope);
  // Matched by the line that names the error and what the tool was asked to do: a whole stack
  // trace's paths and frames would dilute the few words that identify the failure.
  const headline = errorHeadline((event.error ?? '').slice(0, 20_000));
  const { text, items } = await inject(scope, {
    task: [event.summary ?? '', headline].filter(Boolean).join('\n'),
    budget: scope.settings.failureTokens,
    revive: false,
    excludeSeen: true,
    tiers: [0, 2],
    minScore: scope.settings.promptMinScore,
    exclude: failure ? [`${failure.kind}:${failure.id}`] : [],
  });
  const seen = failure?.kind === 'learning' ? [{ kind: 'learning' as const, id: failure.id }] : [];
  await recordInjections(scope.ctx, scope.session.sessionId, 'PostToolUseFailure', [...items, ...seen]);
  if (items.length === 0) return { context: null, items };
  return { context: `ELF knowledge about this error:\n\n${text}`, items };
}
