import { ContextBuilder } from '@elf/context';
import { type CoreHandle, type Elf, openSession, resolveProjectRoot } from '@elf/core';
import type { AgentSession, EventResult, LoopEnvironment, Recorded } from '../events.js';
import type { HookSettings } from '../settings.js';

/** One event's world: the open memory, the session, where it works, and the loop's settings. */
export interface EventScope {
  elf: Elf;
  ctx: CoreHandle;
  session: AgentSession;
  /** The project root (the main worktree for a linked one), or the cwd outside any project. */
  project: string;
  settings: HookSettings;
  /** The user's home, where user-level instruction files are (null: none are read). */
  home: string | null;
  /** The builder for this event's contexts (shared with other events' in a long-lived process). */
  builder(): ContextBuilder;
}

export function eventScope(
  elf: Elf,
  session: AgentSession,
  settings: HookSettings,
  environment: LoopEnvironment,
): EventScope {
  return {
    elf,
    ctx: elf.core,
    session,
    project: resolveProjectRoot(session.cwd),
    settings,
    home: environment.home ?? null,
    builder: () => environment.contextBuilder?.(elf) ?? new ContextBuilder(elf),
  };
}

/** Creates the session's row on its first event; a resumed session keeps its own. */
export function openScopeSession(scope: EventScope): Promise<void> {
  return openSession(scope.ctx, {
    sessionId: scope.session.sessionId,
    project: scope.project,
    transcriptPath: scope.session.transcriptPath ?? null,
  });
}

export function nothingRecorded(): Recorded {
  return { injected: [], consulted: [], settled: [], captured: [], revived: [], trail: false, maintenance: null };
}

/** A result: the context to add (or none), what was recorded, and notes for the log. */
export function eventResult(
  context: string | null,
  recorded: Partial<Recorded> = {},
  notes: string[] = [],
): EventResult {
  return { context, recorded: { ...nothingRecorded(), ...recorded }, notes };
}
