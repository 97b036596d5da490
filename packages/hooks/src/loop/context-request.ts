import { recordInjections } from '@elf/core';
import type { AgentSession, LoopEnvironment } from '../events.js';
import { defaultHookSettings, type HookSettings } from '../settings.js';
import { type Injection, inject } from './inject.js';
import { eventScope, openScopeSession } from './scope.js';

/** An agent asking for knowledge itself (an MCP tool call), rather than a hook offering it. */
export interface ContextRequest {
  task: string;
  domain?: string | null;
  budget: number;
}

/**
 * What an agent that asks is given: the prompt's pipeline (redact, revive what the task matches
 * strongly, build) over every tier, within the budget it names. Unlike a prompt it is not spared
 * what the session was already shown (it asked; its context may have been compacted since), but
 * what it is shown is remembered, so later prompts in the session do not repeat it and the
 * session's outcomes know which rules it was given.
 */
export async function requestContext(
  elf: Parameters<typeof eventScope>[0],
  session: AgentSession,
  request: ContextRequest,
  settings: HookSettings = defaultHookSettings,
  environment: LoopEnvironment = {},
): Promise<Injection> {
  const scope = eventScope(elf, session, settings, environment);
  await openScopeSession(scope);
  const injection = await inject(scope, {
    task: request.task,
    domain: request.domain ?? null,
    budget: request.budget,
    revive: true,
    excludeSeen: false,
    skipInstructedGolden: true,
  });
  await recordInjections(scope.ctx, session.sessionId, 'ContextRequest', injection.items);
  return injection;
}
