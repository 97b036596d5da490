import { forgetInjections, recordInjections } from '@elf/core';
import type { EventResult, SessionStartEvent } from '../events.js';
import { inject, instructedNote } from './inject.js';
import { type EventScope, eventResult, openScopeSession } from './scope.js';

/**
 * Session start: the project's context (golden rules, this project's knowledge, background). After
 * a clear or a compaction the agent has lost what it was shown, so the session's record of
 * injections starts over. Golden rules the agent reads in ELF's block of its CLAUDE.md are left
 * out, and the context says so.
 */
export async function sessionStart(scope: EventScope, event: SessionStartEvent): Promise<EventResult> {
  const { ctx, session } = scope;
  await openScopeSession(scope);
  if (event.source === 'clear' || event.source === 'compact') await forgetInjections(ctx, session.sessionId);
  const { text, items, instructed } = await inject(scope, {
    task: null,
    budget: scope.settings.sessionStartTokens,
    revive: false,
    excludeSeen: false,
    skipInstructedGolden: true,
  });
  await recordInjections(ctx, session.sessionId, 'SessionStart', items);
  return eventResult(items.length > 0 ? text : null, { injected: items }, instructedNote(instructed));
}
