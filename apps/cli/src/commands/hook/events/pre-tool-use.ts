import { contextOutput } from '../hook-output.js';
import { obj, str } from '../hook-payload.js';
import type { HookRun } from '../hook-run.js';

/** Tools that start a subagent (renamed from Task to Agent in newer Claude Code builds). */
export const subagentTools = new Set(['Task', 'Agent']);

/**
 * PreToolUse(Task): the heuristics, golden rules and recent failures relevant to the subagent's
 * task, and a record of which heuristics it was given, so its outcome can validate or violate them.
 */
export async function preToolUse(run: HookRun): Promise<string | null> {
  const { elf, payload } = run;
  if (!subagentTools.has(str(payload.raw, 'tool_name') ?? '')) return null;
  const input = obj(payload.raw, 'tool_input');
  const description = str(input, 'description') ?? '';
  const task = [description, str(input, 'prompt') ?? ''].join('\n').trim();
  if (!task) return null;
  const core = await import('@elf/core');
  const { ContextBuilder } = await import('@elf/context');
  const ctx = elf.context;
  await core.openSession(ctx, {
    sessionId: payload.sessionId,
    project: run.project,
    transcriptPath: payload.transcriptPath,
  });
  const taskText = core.redactSecrets(task.slice(0, 100_000)).text;
  // A dormant heuristic the task matches strongly is offered again (revived before the context is built).
  const revived = await core.reviveMatching(ctx, taskText);
  if (revived.length > 0) run.log(`PreToolUse: revived ${revived.map((r) => `#${r.heuristicId}`).join(', ')}`);
  const result = await new ContextBuilder(elf).build({
    task: taskText,
    maxTokens: run.options.taskTokens,
    ...(payload.cwd ? { cwd: payload.cwd } : {}),
  });
  const items = result.tiers.flatMap((t) => t.items);
  const heuristicIds = items.filter((i) => i.kind === 'heuristic' || i.kind === 'golden_rule').map((i) => i.id);
  await core.recordConsultations(ctx, {
    sessionId: payload.sessionId,
    agentKey: str(payload.raw, 'tool_use_id') ?? `task:${description || 'unnamed'}`,
    agentType: str(input, 'subagent_type'),
    heuristicIds,
  });
  if (items.length === 0) return null;
  const title = description ? `the subagent task "${description.slice(0, 80)}"` : 'this subagent task';
  return contextOutput('PreToolUse', `ELF knowledge for ${title} — pass on what applies:\n\n${result.text}`);
}
