/**
 * Tool calls per tool in a Claude Code transcript (JSONL), for check-out when hooks were not
 * running: every `tool_use` part of the main agent's messages (subagent lines are skipped).
 */
export function transcriptToolCounts(jsonl: string): Record<string, { calls: number; failures: number }> {
  const counts: Record<string, { calls: number; failures: number }> = {};
  const failedIds = new Set<string>();
  const toolOf = new Map<string, string>();
  for (const line of jsonl.split('\n')) {
    if (!line.includes('tool_')) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    const e = entry as { isSidechain?: unknown; message?: { content?: unknown } };
    if (e.isSidechain === true || !Array.isArray(e.message?.content)) continue;
    for (const part of e.message.content as Array<Record<string, unknown>>) {
      if (part?.type === 'tool_use' && typeof part.name === 'string') {
        const entryCount = counts[part.name] ?? { calls: 0, failures: 0 };
        entryCount.calls++;
        counts[part.name] = entryCount;
        if (typeof part.id === 'string') toolOf.set(part.id, part.name);
      } else if (part?.type === 'tool_result' && part.is_error === true && typeof part.tool_use_id === 'string') {
        failedIds.add(part.tool_use_id);
      }
    }
  }
  for (const id of failedIds) {
    const tool = toolOf.get(id);
    const entryCount = tool ? counts[tool] : undefined;
    if (entryCount) entryCount.failures++;
  }
  return counts;
}
