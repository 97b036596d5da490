import { ContextBuilder, type ContextItem, type ContextResult, type Tier } from '@elf/context';
import { type AppliedOutcome, injectedKeys, redactSecrets, reviveMatching } from '@elf/core';
import type { EventScope } from './scope.js';

export interface InjectionPlan {
  /** What the agent is about to do; null at session start (the project's context, no task). */
  task: string | null;
  budget: number;
  /** Offer again dormant heuristics the task matches strongly. */
  revive: boolean;
  /** Leave out what this session was already shown. */
  excludeSeen: boolean;
  tiers?: readonly Tier[];
  minScore?: number;
}

export interface Injection {
  /** The task as stored and searched: secrets redacted, at most 100,000 characters. */
  task: string | null;
  result: ContextResult;
  items: ContextItem[];
  revived: AppliedOutcome[];
}

/**
 * The one way the loop builds what an agent is shown: redact the task → revive what it matches
 * strongly → leave out what the session already saw → build within the budget. Recording what was
 * shown is the caller's (a prompt remembers injections, a subagent its consultations).
 */
export async function inject(scope: EventScope, plan: InjectionPlan): Promise<Injection> {
  const { ctx, session } = scope;
  // Redacted before anything sees it: the query log keeps the task text of every build.
  const task = plan.task === null ? null : redactSecrets(plan.task.slice(0, 100_000)).text;
  const revived = plan.revive && task ? await reviveMatching(ctx, task) : [];
  const exclude = plan.excludeSeen ? await injectedKeys(ctx, session.sessionId) : undefined;
  const result = await new ContextBuilder(scope.elf).build(
    { task, maxTokens: plan.budget, cwd: session.cwd },
    {
      ...(exclude ? { exclude } : {}),
      ...(plan.tiers ? { tiers: plan.tiers } : {}),
      ...(plan.minScore !== undefined ? { minScore: plan.minScore } : {}),
    },
  );
  return { task, result, items: result.tiers.flatMap((t) => t.items), revived };
}

/** A log note naming the heuristics an event revived. */
export function revivedNote(revived: readonly AppliedOutcome[]): string[] {
  return revived.length > 0 ? [`revived ${revived.map((r) => `#${r.heuristicId}`).join(', ')}`] : [];
}
