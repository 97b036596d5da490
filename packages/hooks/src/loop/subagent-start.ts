import { recordConsultations } from '@elf/core';
import type { EventResult, SubagentStartEvent } from '../events.js';
import { inject, instructedNote, revivedNote } from './inject.js';
import { type EventScope, eventResult, openScopeSession } from './scope.js';

/**
 * A subagent's start: the heuristics, golden rules and past failures relevant to its task (no
 * weaker than a prompt's), and a record of which heuristics it was given, so its outcome can
 * validate or violate them. Golden rules the main agent reads in ELF's block of its CLAUDE.md are
 * left out (and not consulted).
 */
export async function subagentStart(scope: EventScope, event: SubagentStartEvent): Promise<EventResult> {
  if (!event.task.trim()) return eventResult(null);
  const { ctx, session } = scope;
  await openScopeSession(scope);
  const { text, items, revived, instructed } = await inject(scope, {
    task: event.task,
    budget: scope.settings.taskTokens,
    revive: true,
    excludeSeen: false,
    skipInstructedGolden: true,
    // The prompt's floor: a heuristic shown to a subagent is credited or blamed for its outcome, so
    // one that merely shares a word with the task must not fill the budget.
    minScore: scope.settings.promptMinScore,
  });
  const consulted = items.filter((i) => i.kind === 'heuristic' || i.kind === 'golden_rule').map((i) => i.id);
  await recordConsultations(ctx, {
    sessionId: session.sessionId,
    agentKey: event.agentKey,
    agentType: event.agentType,
    heuristicIds: consulted,
  });
  const notes = [...revivedNote(revived), ...instructedNote(instructed)];
  if (items.length === 0) return eventResult(null, { consulted, revived }, notes);
  // Read by the subagent itself: Claude Code transports put it in front of the task's prompt.
  const title = event.description ? `this task ("${event.description.slice(0, 80)}")` : 'this task';
  return eventResult(`ELF knowledge for ${title}:\n\n${text}`, { consulted, revived }, notes);
}
