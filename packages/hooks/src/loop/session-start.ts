import { forgetInjections, recordInjections } from '@elf/core';
import type { EventResult, SessionStartEvent } from '../events.js';
import { inject, instructedNote } from './inject.js';
import { type EventScope, eventResult, openScopeSession } from './scope.js';

/**
 * Session start, before any task is known: what holds whatever the session is about — the golden
 * rules, the project's context.md and the heuristics a person scoped to this project. What was
 * merely learned here, and other projects' recent failures, wait for a prompt that makes them
 * relevant: shown to every session, they were noise in most (the repeat-mistake benchmark's
 * control sessions) and cost a thousand tokens each time. After a clear or a compaction the agent
 * has lost what it was shown, so the session's record of injections starts over. Golden rules the
 * agent reads in ELF's block of its CLAUDE.md are left out, and the context says so.
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
    tiers: [0, 1],
    projectKnowledge: 'scoped',
  });
  await recordInjections(ctx, session.sessionId, 'SessionStart', items);
  return eventResult(items.length > 0 ? text : null, { injected: items }, instructedNote(instructed));
}
