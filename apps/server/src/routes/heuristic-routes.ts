import * as core from '@elf/core';
import type { Context, Hono } from 'hono';
import { sql } from 'kysely';
import { jsonBody, optionalText } from '../http/json-body.js';
import { choiceParam, idParam, listOf, pageParams } from '../http/params.js';
import { likePattern, paged } from '../reads/paged.js';
import type { ServerContext } from '../server-context.js';

const statuses = ['active', 'dormant', 'retracted', 'superseded', 'archived', 'all'] as const;

/** Heuristics: the filtered list with totals, one with its history, and every action the CLI has. */
export function heuristicRoutes(app: Hono, server: ServerContext): void {
  const elf = server.elf;

  app.get('/api/heuristics', async (c) => {
    const q = (n: string) => c.req.query(n);
    const page = pageParams(q);
    const status = choiceParam(q, 'status', statuses, 'active');
    const golden = choiceParam(q, 'golden', ['true', 'false'] as const);
    const domain = q('domain')?.trim();
    const text = q('q')?.trim();
    const project = q('project')?.trim();
    const { items, total } = await paged(
      elf.db,
      'heuristics',
      (query) => {
        let r = query;
        if (status !== 'all') r = r.where('status', '=', status);
        if (golden) r = r.where('is_golden', '=', golden === 'true' ? 1 : 0);
        if (domain) r = r.where('domain', '=', domain);
        if (project) r = r.where('project_path', '=', project);
        if (text)
          r = r.where(
            sql<boolean>`(rule like ${likePattern(text)} escape '\\' or explanation like ${likePattern(text)} escape '\\')`,
          );
        return r;
      },
      (query) => query.orderBy('is_golden', 'desc').orderBy('confidence', 'desc').orderBy('id'),
      page,
      core.toHeuristic,
    );
    return c.json(listOf(items, total, page));
  });

  app.get('/api/heuristics/:id', async (c) => {
    const { heuristic, updates } = await core.heuristicHistory(elf.core, idParam(c.req.param('id')), 200);
    const history = updates.map((u) => ({
      type: u.update_type,
      oldConfidence: u.old_confidence,
      newConfidence: u.new_confidence,
      source: u.source,
      reason: u.reason,
      sessionId: u.session_id,
      rateLimited: u.rate_limited,
      at: u.created_at,
    }));
    return c.json({ heuristic, history });
  });

  app.post('/api/heuristics', async (c) => {
    const recorded = await elf.recordHeuristic((await jsonBody(c)) as unknown as core.RecordHeuristicInput);
    return c.json(recorded, 201);
  });

  const outcome = (apply: typeof core.validateHeuristic) => async (c: Context) => {
    const id = idParam(c.req.param('id'));
    const body = await jsonBody(c);
    const result = await apply(elf.core, { id, note: optionalText(body, 'note') });
    return c.json({ heuristic: await elf.getHeuristic(id), outcome: result });
  };
  app.post('/api/heuristics/:id/validate', outcome(core.validateHeuristic));
  app.post('/api/heuristics/:id/violate', outcome(core.violateHeuristic));

  type Change = (ctx: core.CoreHandle, input: { id: number; reason?: string | null }) => Promise<unknown>;
  const change = (apply: Change) => async (c: Context) => {
    const id = idParam(c.req.param('id'));
    const body = await jsonBody(c);
    await apply(elf.core, { id, reason: optionalText(body, 'reason') });
    return c.json({ heuristic: await elf.getHeuristic(id) });
  };
  app.post('/api/heuristics/:id/promote', change(core.promoteHeuristic));
  app.post('/api/heuristics/:id/demote', change(core.demoteHeuristic));
  app.post('/api/heuristics/:id/revive', change(core.reviveHeuristic));
  app.post(
    '/api/heuristics/:id/retract',
    change((ctx, input) => core.retractHeuristic(ctx, { id: input.id, reason: (input.reason ?? undefined) as string })),
  );

  app.post('/api/heuristics/:id/supersede', async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await jsonBody(c);
    const heuristic = await core.supersedeHeuristic(elf.core, {
      id,
      by: body.by as number,
      reason: optionalText(body, 'reason'),
    });
    return c.json({ heuristic });
  });

  app.patch('/api/heuristics/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await jsonBody(c);
    return c.json({ heuristic: await core.editHeuristic(elf.core, { ...body, id } as core.EditHeuristicInput) });
  });

  app.post('/api/heuristics/:id/scope', async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await jsonBody(c);
    const scope = body.scope;
    if (scope !== 'global' && scope !== 'project') {
      throw new core.ElfError('INVALID_INPUT', 'scope: must be "global" or "project"', { field: 'scope' });
    }
    await elf.setHeuristicScope(id, scope);
    return c.json({ heuristic: await elf.getHeuristic(id) });
  });

  app.get('/api/golden-rules', async (c) => {
    const page = pageParams((n) => c.req.query(n), 100);
    const { items, total } = await paged(
      elf.db,
      'heuristics',
      (query) => query.where('is_golden', '=', 1).where('status', '=', 'active'),
      (query) => query.orderBy('confidence', 'desc').orderBy('id'),
      page,
      core.toHeuristic,
    );
    return c.json(listOf(items, total, page));
  });
}
