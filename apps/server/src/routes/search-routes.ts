import { budgetLimits } from '@elf/context';
import { type SearchKind, searchKinds } from '@elf/core';
import type { Hono } from 'hono';
import { choiceParam, intParam } from '../http/params.js';
import { searchTotal } from '../reads/search-total.js';
import type { ServerContext } from '../server-context.js';

/** Full-text search, and what an agent would be given for a task (with every candidate's score). */
export function searchRoutes(app: Hono, server: ServerContext): void {
  app.get('/api/search', async (c) => {
    const q = (n: string) => c.req.query(n);
    const kinds = q('kinds')
      ?.split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    const text = q('q') ?? '';
    const result = await server.elf.search({
      text,
      ...(kinds && kinds.length > 0 ? { kinds: kinds as never } : {}),
      limit: intParam(q, 'limit', 20, 1, 100),
      offset: intParam(q, 'offset', 0, 0, 10_000),
    });
    // Core's search has checked the kinds by now.
    const total = await searchTotal(
      server.elf.db,
      text,
      kinds && kinds.length > 0 ? (kinds as SearchKind[]) : [...searchKinds],
    );
    return c.json({ ...result, total });
  });

  // A read, so a GET: a preview can be linked, and is never a state change.
  app.get('/api/context', async (c) => {
    const q = (n: string) => c.req.query(n);
    const explain = choiceParam(q, 'explain', ['0', '1', 'true', 'false'] as const, '0');
    const budget = intParam(q, 'budget', budgetLimits.default, budgetLimits.min, budgetLimits.max);
    const result = await server.builder.build({
      task: q('task') ?? null,
      domain: q('domain') || null,
      ...(q('cwd') ? { cwd: q('cwd') } : {}),
      maxTokens: budget,
      ...(q('depth') ? { depth: q('depth') as never } : {}),
    });
    const explained = explain === '1' || explain === 'true';
    return c.json({ ...result, candidates: explained ? result.candidates.slice(0, 500) : undefined });
  });
}
