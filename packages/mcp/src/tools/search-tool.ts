import { type SearchHit, searchKinds } from '@elf/core';
import { z } from 'zod';
import { fitLines } from '../render/fit.js';
import { budget, limits } from './limits.js';
import { defineTool, readOnly } from './tool-spec.js';

/** One hit as one line: what and which, where, and the fragment that matched. */
export function hitLine(hit: SearchHit): string {
  const facts = [hit.detail, hit.domain, hit.retired].filter(Boolean).join(', ');
  const snippet = hit.snippet && hit.snippet !== hit.title ? ` — ${hit.snippet.replace(/\s+/g, ' ')}` : '';
  return `- ${hit.kind} #${hit.id}: ${hit.title.replace(/\s+/g, ' ')}${facts ? ` (${facts})` : ''}${snippet}`;
}

export const searchTool = defineTool({
  name: 'elf_search',
  title: 'Search memory',
  description:
    'Full-text search of everything ELF remembers (failures, rules, decisions, …) when you need a specific past item; best matches first.',
  input: z.strictObject({
    query: z.string().trim().min(1).max(limits.queryText).describe('Words to find'),
    kinds: z.array(z.enum(searchKinds)).min(1).optional().describe('Only these kinds'),
    limit: z.number().int().min(1).max(50).default(10).describe('Most results (default 10)'),
    budget: budget(600),
  }),
  annotations: { ...readOnly, title: 'Search memory' },
  async run(args, env) {
    const result = await env.elf.search({
      text: args.query,
      limit: args.limit,
      ...(args.kinds ? { kinds: args.kinds } : {}),
    });
    if (result.hits.length === 0) return { text: `Nothing in ELF matches “${args.query}”.` };
    const more = result.page.nextOffset !== null ? ' (more exist: raise limit)' : '';
    const fitted = fitLines(
      `${result.hits.length} match${result.hits.length === 1 ? '' : 'es'}${more}:`,
      result.hits.map(hitLine),
      args.budget,
      (n) => `${n} more match${n === 1 ? '' : 'es'}`,
      'raise budget or narrow the query',
    );
    return { text: fitted.text };
  },
});
