import type { Elf } from '@elf/core';
import type { AgentEvent, AgentSession, EventResult, LoopEnvironment } from './events.js';
import { checkpoint } from './loop/checkpoint.js';
import { prompt } from './loop/prompt.js';
import { eventScope } from './loop/scope.js';
import { sessionStart } from './loop/session-start.js';
import { subagentStart } from './loop/subagent-start.js';
import { subagentStop } from './loop/subagent-stop.js';
import { toolOutcome } from './loop/tool-outcome.js';
import { defaultHookSettings, type HookSettings } from './settings.js';

/**
 * Runs the learning loop for one agent event: what to inject, and what to learn. Every transport
 * (command hook, HTTP hook, MCP) comes through here; it only parses its payload into an
 * AgentEvent and renders the result. Errors are ElfErrors and propagate: failing open is the
 * transport's decision.
 */
export function handleEvent(
  elf: Elf,
  session: AgentSession,
  event: AgentEvent,
  settings: HookSettings = defaultHookSettings,
  environment: LoopEnvironment = {},
): Promise<EventResult> {
  const scope = eventScope(elf, session, settings, environment);
  switch (event.kind) {
    case 'session-start':
      return sessionStart(scope, event);
    case 'prompt':
      return prompt(scope, event);
    case 'subagent-start':
      return subagentStart(scope, event);
    case 'tool-outcome':
      return toolOutcome(scope, event);
    case 'subagent-stop':
      return subagentStop(scope, event);
    case 'pre-compact':
    case 'session-end':
      return checkpoint(scope, event);
  }
}
