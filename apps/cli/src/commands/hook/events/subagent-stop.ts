import { str } from '../hook-payload.js';
import type { HookRun } from '../hook-run.js';
import { settleSubagent } from './post-tool-use.js';

/**
 * SubagentStop: the subagent's last message decides its outcome for the heuristics it was given
 * (matched by its type to the oldest open Task of that type) and supplies its markers. Whichever
 * of SubagentStop and PostToolUse(Task) comes second finds the work done and changes nothing.
 */
export async function subagentStop(run: HookRun): Promise<string | null> {
  const message = str(run.payload.raw, 'last_assistant_message');
  if (!message) return null;
  await settleSubagent(run, null, message, str(run.payload.raw, 'agent_type') ?? 'unknown');
  return null;
}
