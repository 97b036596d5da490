import { noteFirstPrompt, noteSessionDomains, recordInjections } from '@elf/core';
import type { EventResult, PromptEvent } from '../events.js';
import { inject, revivedNote } from './inject.js';
import { type EventScope, eventResult, openScopeSession } from './scope.js';

/**
 * A prompt: knowledge relevant to it that this session has not been shown yet (golden rules and
 * background came at session start), or nothing when nothing is relevant enough. What is shown is
 * remembered so no later prompt repeats it.
 */
export async function prompt(scope: EventScope, event: PromptEvent): Promise<EventResult> {
  if (!event.prompt.trim()) return eventResult(null);
  const { ctx, session, settings } = scope;
  await openScopeSession(scope);
  const { task, result, text, items, revived } = await inject(scope, {
    task: event.prompt,
    budget: settings.promptTokens,
    // A prompt is a task too: dormant rules it matches strongly come back before the context is built.
    revive: true,
    excludeSeen: true,
    tiers: [0, 2],
    minScore: settings.promptMinScore,
  });
  await noteFirstPrompt(ctx, session.sessionId, task ?? '');
  await noteSessionDomains(ctx, session.sessionId, result.domains);
  const notes = revivedNote(revived);
  if (items.length === 0) return eventResult(null, { revived }, notes);
  await recordInjections(ctx, session.sessionId, 'UserPromptSubmit', items);
  return eventResult(text, { injected: items, revived }, notes);
}
