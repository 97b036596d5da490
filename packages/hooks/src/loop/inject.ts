import { budgetLimits, type ContextItem, type ContextResult, type Tier } from '@elf/context';
import { type AppliedOutcome, injectedKeys, redactSecrets, reviveMatching } from '@elf/core';
import { type InstructedGolden, instructedGolden } from './instructed-golden.js';
import type { EventScope } from './scope.js';

export interface InjectionPlan {
  /** What the agent is about to do; null at session start (the project's context, no task). */
  task: string | null;
  /** The domain the caller names (an explicit request); prompts infer theirs from the task. */
  domain?: string | null;
  budget: number;
  /** Offer again dormant heuristics the task matches strongly. */
  revive: boolean;
  /** Leave out what this session was already shown. */
  excludeSeen: boolean;
  /**
   * Leave out the golden rules that ELF's block in the agent's instruction files lists, and end
   * the context with a line that says so (only where the golden tier is built).
   */
  skipInstructedGolden?: boolean;
  tiers?: readonly Tier[];
  minScore?: number;
  projectKnowledge?: 'all' | 'scoped';
  /** Items (`kind:id`) to leave out besides what the session saw (e.g. the failure just captured). */
  exclude?: readonly string[];
}

export interface Injection {
  /** The task as stored and searched: secrets redacted, at most 100,000 characters. */
  task: string | null;
  result: ContextResult;
  /** What the agent is shown: the result's text, and the line about golden rules it already has. */
  text: string;
  items: ContextItem[];
  revived: AppliedOutcome[];
  /** The golden rules left out because the agent's instruction files carry them. */
  instructed: InstructedGolden | null;
}

/** What the build leaves out: what the session saw, and the golden rules its agent already reads. */
async function excluded(
  scope: EventScope,
  plan: InjectionPlan,
  instructed: InstructedGolden | null,
): Promise<Set<string> | undefined> {
  const seen = plan.excludeSeen ? await injectedKeys(scope.ctx, scope.session.sessionId) : undefined;
  const extra = [...(instructed?.exclude ?? []), ...(plan.exclude ?? [])];
  if (extra.length === 0) return seen;
  return new Set([...(seen ?? []), ...extra]);
}

/**
 * The one way the loop builds what an agent is shown: redact the task → revive what it matches
 * strongly → leave out what the session already saw and the golden rules its instruction files
 * carry → build within the budget (less the line that says so). Recording what was shown is the
 * caller's (a prompt remembers injections, a subagent its consultations).
 */
export async function inject(scope: EventScope, plan: InjectionPlan): Promise<Injection> {
  const { ctx, session } = scope;
  // Redacted before anything sees it: the query log keeps the task text of every build.
  const task = plan.task === null ? null : redactSecrets(plan.task.slice(0, 100_000)).text;
  const revived = plan.revive && task ? await reviveMatching(ctx, task) : [];
  const instructed = plan.skipInstructedGolden ? await instructedGolden(scope) : null;
  // The line's tokens come out of the budget; below the builder's smallest budget the line is dropped.
  const line = instructed && plan.budget - instructed.tokens >= budgetLimits.min ? instructed : null;
  const exclude = await excluded(scope, plan, instructed);
  const result = await scope.builder().build(
    { task, domain: plan.domain ?? null, maxTokens: plan.budget - (line?.tokens ?? 0), cwd: session.cwd },
    {
      ...(exclude ? { exclude } : {}),
      ...(plan.tiers ? { tiers: plan.tiers } : {}),
      ...(plan.minScore !== undefined ? { minScore: plan.minScore } : {}),
      ...(plan.projectKnowledge ? { projectKnowledge: plan.projectKnowledge } : {}),
    },
  );
  const items = result.tiers.flatMap((t) => t.items);
  const text = line && items.length > 0 ? `${result.text}${line.line}` : result.text;
  return { task, result, text, items, revived, instructed };
}

/** A log note naming the files whose golden rules an event left out. */
export function instructedNote(instructed: InstructedGolden | null): string[] {
  if (!instructed) return [];
  const count = instructed.exclude.length;
  return [`left out ${count} golden rule${count === 1 ? '' : 's'} already in ${instructed.files.join(', ')}`];
}

/** A log note naming the heuristics an event revived. */
export function revivedNote(revived: readonly AppliedOutcome[]): string[] {
  return revived.length > 0 ? [`revived ${revived.map((r) => `#${r.heuristicId}`).join(', ')}`] : [];
}
