import { contextOutput } from '../hook-output.js';
import { str } from '../hook-payload.js';
import type { HookRun } from '../hook-run.js';

/**
 * SessionStart: opens the session and injects the project's context (golden rules, this
 * project's knowledge, background). After /clear or a compaction the model has lost what it was
 * shown, so the session's record of injections starts over.
 */
export async function sessionStart(run: HookRun): Promise<string | null> {
  const { elf, payload } = run;
  const { forgetInjections, openSession, recordInjections } = await import('@elf/core');
  const { ContextBuilder } = await import('@elf/context');
  const ctx = elf.context;
  await openSession(ctx, {
    sessionId: payload.sessionId,
    project: run.project,
    transcriptPath: payload.transcriptPath,
  });
  const source = str(payload.raw, 'source');
  if (source === 'clear' || source === 'compact') await forgetInjections(ctx, payload.sessionId);
  const result = await new ContextBuilder(elf).build({
    task: null,
    maxTokens: run.options.sessionStartTokens,
    ...(payload.cwd ? { cwd: payload.cwd } : {}),
  });
  const items = result.tiers.flatMap((t) => t.items);
  await recordInjections(ctx, payload.sessionId, 'SessionStart', items);
  return items.length > 0 ? contextOutput('SessionStart', result.text) : null;
}
