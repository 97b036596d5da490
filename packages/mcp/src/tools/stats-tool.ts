import type { Statistics } from '@elf/core';
import { z } from 'zod';
import { defineTool, readOnly } from './tool-spec.js';

const top = (counts: Record<string, number>, n: number) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');

/** A few lines, whatever the database's size: totals, and the five largest domains. */
export function statsText(s: Statistics): string {
  const learnings = top(s.learnings_by_type, 5);
  return [
    `Learnings: ${s.total_learnings}${learnings ? ` (${learnings})` : ''}`,
    `Heuristics: ${s.total_heuristics}, golden rules: ${s.golden_heuristics}`,
    `Decisions: ${s.total_decisions}, invariants: ${s.total_invariants}, assumptions: ${s.total_assumptions}`,
    `Violations of golden rules in 7 days: ${s.violations_7d}`,
    `Largest domains: ${top(s.learnings_by_domain, 5) || 'none'}`,
  ].join('\n');
}

export const statsTool = defineTool({
  name: 'elf_stats',
  title: 'Memory statistics',
  description: 'How much ELF remembers: counts by kind and the largest domains (a few lines).',
  input: z.strictObject({}),
  annotations: { ...readOnly, idempotentHint: true, title: 'Memory statistics' },
  run: async (_args, env) => ({ text: statsText(await env.elf.statistics()) }),
});
