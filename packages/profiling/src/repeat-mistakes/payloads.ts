import { join } from 'node:path';
import type { ScenarioEvent, ScenarioSession } from './scenario.js';

// A scenario session as the processes it starts: the Claude Code hook payloads that `elf hooks
// install` subscribes to (SessionStart, UserPromptSubmit, PreToolUse for Task, PostToolUse,
// PostToolUseFailure, SubagentStop, SessionEnd; events ELF does not subscribe to, such as Stop or
// PreToolUse(Bash), start no process in a real session either) in the shapes Claude Code 2.1
// sends them, and a person's `elf` commands between them.

export type ReplayStep =
  | {
      kind: 'hook';
      event: string;
      payload: Record<string, unknown>;
      /** Index of the scenario event this step comes from; null for SessionStart / SessionEnd. */
      eventIndex: number | null;
      /** The step's answer can carry knowledge for the agent. */
      injects: boolean;
      /** PreToolUse(Task): the subagent prompt before ELF prefixed it. */
      taskPrompt?: string;
    }
  | { kind: 'cli'; args: string[]; eventIndex: number }
  | { kind: 'violate'; note: string; eventIndex: number };

export interface SessionPlace {
  sessionId: string;
  /** The repository the session runs in (its cwd). */
  cwd: string;
  /** Claude Code's per-user folder (transcripts are never written: the hooks read none). */
  home: string;
}

/** The steps of one session, in order. */
export function sessionSteps(session: ScenarioSession, place: SessionPlace): ReplayStep[] {
  const base = {
    session_id: place.sessionId,
    transcript_path: join(place.home, '.claude', 'projects', 'bench', `${place.sessionId}.jsonl`),
    cwd: place.cwd,
  };
  const hook = (
    event: string,
    fields: Record<string, unknown>,
    eventIndex: number | null,
    injects = false,
  ): ReplayStep => ({
    kind: 'hook',
    event,
    payload: {
      ...base,
      ...(eventIndex === null ? {} : { permission_mode: 'default' }),
      hook_event_name: event,
      ...fields,
    },
    eventIndex,
    injects,
  });
  const steps: ReplayStep[] = [hook('SessionStart', { source: 'startup' }, null, true)];
  session.events.forEach((event, index) => {
    steps.push(...eventSteps(event, index, hook, place));
  });
  steps.push(hook('SessionEnd', { reason: 'other' }, null));
  return steps;
}

type HookStep = (event: string, fields: Record<string, unknown>, index: number | null, injects?: boolean) => ReplayStep;

function eventSteps(event: ScenarioEvent, index: number, hook: HookStep, place: SessionPlace): ReplayStep[] {
  const toolUseId = `toolu_bench_${index}`;
  if ('prompt' in event) return [hook('UserPromptSubmit', { prompt: event.prompt }, index, true)];
  if ('task' in event) {
    const input = { description: event.task.description, prompt: event.task.prompt, subagent_type: event.task.agent };
    const agentId = `a${index}${place.sessionId.length}`;
    const start = hook('PreToolUse', { tool_name: 'Task', tool_input: input, tool_use_id: toolUseId }, index, true);
    if (start.kind === 'hook') start.taskPrompt = event.task.prompt;
    return [
      start,
      hook(
        'SubagentStop',
        {
          agent_id: agentId,
          agent_type: event.task.agent,
          stop_hook_active: false,
          agent_transcript_path: join(place.home, '.claude', 'subagents', `agent-${agentId}.jsonl`),
          last_assistant_message: event.result,
        },
        index,
      ),
      hook(
        'PostToolUse',
        {
          tool_name: 'Task',
          tool_input: input,
          tool_response: { status: 'completed', content: [{ type: 'text', text: event.result }] },
          tool_use_id: toolUseId,
        },
        index,
      ),
    ];
  }
  if ('output' in event) {
    const response =
      event.tool === 'Bash'
        ? { stdout: event.output, stderr: '', interrupted: false, isImage: false }
        : { type: 'text', content: event.output };
    return [
      hook(
        'PostToolUse',
        { tool_name: event.tool, tool_input: event.input, tool_response: response, tool_use_id: toolUseId },
        index,
      ),
    ];
  }
  if ('error' in event) {
    return [
      hook(
        'PostToolUseFailure',
        {
          tool_name: event.tool,
          tool_input: event.input,
          tool_use_id: toolUseId,
          error: event.error,
          is_interrupt: false,
        },
        index,
        // Answered with what ELF knows about the error, when it knows something.
        true,
      ),
    ];
  }
  if ('record' in event) return [{ kind: 'cli', args: ['record', ...event.record], eventIndex: index }];
  return [{ kind: 'violate', note: event.violate, eventIndex: index }];
}

/** What ELF's answer to a hook gave the agent: additionalContext, or what it put before a subagent's prompt. */
export function injectedText(stdout: string, taskPrompt?: string): string {
  const trimmed = stdout.trim();
  if (!trimmed) return '';
  let answer: { hookSpecificOutput?: { additionalContext?: unknown; updatedInput?: { prompt?: unknown } } };
  try {
    answer = JSON.parse(trimmed);
  } catch {
    // Plain text on stdout is context too (UserPromptSubmit, SessionStart).
    return trimmed;
  }
  const out = answer.hookSpecificOutput;
  if (typeof out?.additionalContext === 'string') return out.additionalContext;
  const prompt = out?.updatedInput?.prompt;
  if (typeof prompt === 'string') {
    return taskPrompt && prompt.endsWith(taskPrompt) ? prompt.slice(0, prompt.length - taskPrompt.length) : prompt;
  }
  return '';
}
