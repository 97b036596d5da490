import { isAbsolute } from 'node:path';
import { resolveCheckoutRoot } from '@elf/core';
import type { AgentEvent, AgentSession } from '../events.js';
import { type HookPayload, obj, str, textOf } from './payload.js';
import { bashFailed, describeInput, subagentTools, trailFor } from './tools.js';
import { claudeTranscript } from './transcript.js';

/** A Claude Code hook as the loop takes it: the session, and the event (null: nothing for ELF to do). */
export interface ClaudeCodeEvent {
  /** Claude Code's name of the event, e.g. `UserPromptSubmit`: what an answer must name. */
  name: string;
  session: AgentSession;
  agentId: string;
  event: AgentEvent | null;
}

type Normaliser = (payload: HookPayload, checkout: () => string) => AgentEvent | null;

/** Claude Code's events that ELF handles, each turned into the loop's own event. */
const normalisers = new Map<string, Normaliser>([
  ['SessionStart', (p) => ({ kind: 'session-start', source: str(p.raw, 'source') })],
  ['UserPromptSubmit', userPrompt],
  ['PreToolUse', subagentStart],
  ['PostToolUse', postToolUse],
  ['PostToolUseFailure', postToolUseFailure],
  ['SubagentStop', subagentStop],
  ['PreCompact', (p) => ({ kind: 'pre-compact', trigger: str(p.raw, 'trigger'), transcript: transcriptOf(p) })],
  ['SessionEnd', (p) => ({ kind: 'session-end', reason: str(p.raw, 'reason'), transcript: transcriptOf(p) })],
]);

/**
 * A prompt the user typed. Claude Code also sends UserPromptSubmit for messages it writes itself:
 * when a background subagent finishes, a `<task-notification>` carrying its result (seen with the
 * real client, 2.1.328). That is no task to find knowledge for (SubagentStop brings its result).
 */
function userPrompt(p: HookPayload): AgentEvent | null {
  const prompt = str(p.raw, 'prompt') ?? '';
  if (/^\s*<task-notification>/.test(prompt)) return null;
  return { kind: 'prompt', prompt };
}

const transcriptOf = (p: HookPayload) => (p.transcriptPath ? claudeTranscript(p.transcriptPath) : null);

/** PreToolUse of a subagent tool: its task (description and prompt); other tools are not ELF's. */
function subagentStart(p: HookPayload): AgentEvent | null {
  if (!subagentTools.has(str(p.raw, 'tool_name') ?? '')) return null;
  const input = obj(p.raw, 'tool_input');
  const description = str(input, 'description');
  const task = [description ?? '', str(input, 'prompt') ?? ''].join('\n').trim();
  if (!task) return null;
  return {
    kind: 'subagent-start',
    agentKey: str(p.raw, 'tool_use_id') ?? `task:${description || 'unnamed'}`,
    agentType: str(input, 'subagent_type'),
    description,
    task,
  };
}

function postToolUse(p: HookPayload, checkout: () => string): AgentEvent | null {
  const tool = str(p.raw, 'tool_name');
  if (!tool) return null;
  const input = obj(p.raw, 'tool_input');
  const response = p.raw.tool_response;
  const failed = tool === 'Bash' && bashFailed(response);
  // A subagent started in the background (Claude Code 2.1's Agent tool: `isAsync`,
  // `status: "async_launched"`) has not answered yet: SubagentStop brings its answer.
  const launched =
    typeof response === 'object' &&
    response !== null &&
    ((response as Record<string, unknown>).isAsync === true ||
      (response as Record<string, unknown>).status === 'async_launched');
  return {
    kind: 'tool-outcome',
    tool,
    outcome: failed ? 'failure' : 'success',
    error: failed ? textOf(response, 20_000) || 'non-zero exit status' : null,
    trail: trailFor(tool, input, checkout()),
    summary: failed ? describeInput(tool, input, checkout()) : null,
    subagent:
      subagentTools.has(tool) && !launched
        ? { agentKey: str(p.raw, 'tool_use_id'), description: str(input, 'description'), output: textOf(response) }
        : null,
  };
}

function postToolUseFailure(p: HookPayload, checkout: () => string): AgentEvent {
  const tool = str(p.raw, 'tool_name') ?? 'tool';
  const input = obj(p.raw, 'tool_input');
  return {
    kind: 'tool-outcome',
    tool,
    outcome: p.raw.is_interrupt === true ? 'interrupted' : 'failure',
    error: str(p.raw, 'error') ?? textOf(p.raw.tool_response, 20_000),
    summary: describeInput(tool, input, checkout()),
    subagent: subagentTools.has(tool)
      ? { agentKey: str(p.raw, 'tool_use_id'), description: str(input, 'description'), output: '' }
      : null,
  };
}

function subagentStop(p: HookPayload): AgentEvent | null {
  const message = str(p.raw, 'last_assistant_message');
  return message ? { kind: 'subagent-stop', agentType: str(p.raw, 'agent_type') ?? 'unknown', message } : null;
}

/** Whether ELF handles a Claude Code event at all. */
export function handlesEvent(name: string): boolean {
  return normalisers.has(name);
}

/**
 * The loop's view of a Claude Code hook; `cwd` stands in for a payload without an absolute cwd.
 * Tool paths are stored relative to the checkout (a linked worktree's own root), so a file is the
 * same place in every worktree of a project.
 */
export function toAgentEvent(payload: HookPayload, cwd: string): ClaudeCodeEvent {
  const session: AgentSession = {
    sessionId: payload.sessionId,
    cwd: payload.cwd && isAbsolute(payload.cwd) ? payload.cwd : cwd,
    transcriptPath: payload.transcriptPath,
  };
  const agentId = typeof payload.raw.agent_id === 'string' ? payload.raw.agent_id.slice(0, 200) : 'claude-main';
  // A Map, not an object: an event named "toString" must not find Object.prototype.toString.
  const normalise = normalisers.get(payload.event);
  let root: string | undefined;
  const event = normalise ? normalise(payload, () => (root ??= resolveCheckoutRoot(session.cwd))) : null;
  return { name: payload.event, session, agentId, event };
}
