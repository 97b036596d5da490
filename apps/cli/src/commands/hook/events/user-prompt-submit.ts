import { contextOutput } from '../hook-output.js';
import { str } from '../hook-payload.js';
import type { HookRun } from '../hook-run.js';

/**
 * UserPromptSubmit: knowledge relevant to the prompt that this session has not been shown yet
 * (golden rules and background came with SessionStart), or nothing when nothing is relevant
 * enough. What is shown is remembered so no later prompt repeats it.
 */
export async function userPromptSubmit(run: HookRun): Promise<string | null> {
  const { elf, payload } = run;
  const prompt = str(payload.raw, 'prompt');
  if (!prompt?.trim()) return null;
  const core = await import('@elf/core');
  const { ContextBuilder } = await import('@elf/context');
  const ctx = elf.context;
  // Redacted before anything sees it: the query log keeps the task text of every build.
  const task = core.redactSecrets(prompt.slice(0, 100_000)).text;
  await core.openSession(ctx, {
    sessionId: payload.sessionId,
    project: run.project,
    transcriptPath: payload.transcriptPath,
  });
  await core.noteFirstPrompt(ctx, payload.sessionId, task);
  // A prompt is a task too: dormant rules it matches strongly come back before the context is built.
  const revived = await core.reviveMatching(ctx, task);
  if (revived.length > 0) run.log(`UserPromptSubmit: revived ${revived.map((r) => `#${r.heuristicId}`).join(', ')}`);
  const exclude = await core.injectedKeys(ctx, payload.sessionId);
  const result = await new ContextBuilder(elf).build(
    {
      task,
      maxTokens: run.options.promptTokens,
      ...(payload.cwd ? { cwd: payload.cwd } : {}),
    },
    { exclude, tiers: [0, 2], minScore: run.options.promptMinScore },
  );
  await core.noteSessionDomains(ctx, payload.sessionId, result.domains);
  const items = result.tiers.flatMap((t) => t.items);
  if (items.length === 0) return null;
  await core.recordInjections(ctx, payload.sessionId, 'UserPromptSubmit', items);
  return contextOutput('UserPromptSubmit', result.text);
}
