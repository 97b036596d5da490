import type { EventResult, SubagentStopEvent } from '../events.js';
import { type EventScope, eventResult } from './scope.js';
import { settleSubagent } from './subagent-result.js';

/**
 * A subagent's stop: its last message decides its outcome for the heuristics it was given (matched
 * by its type to the oldest open subagent of that type) and supplies its markers.
 */
export async function subagentStop(scope: EventScope, event: SubagentStopEvent): Promise<EventResult> {
  if (!event.message) return eventResult(null);
  const { settled, captured } = await settleSubagent(scope, {
    agentKey: null,
    agentType: event.agentType,
    description: null,
    output: event.message,
  });
  return eventResult(null, { settled, captured });
}
