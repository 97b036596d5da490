import { hotspots } from '@elf/core';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { HttpError } from '../http/errors.js';
import { intParam, listOf, pageParams } from '../http/params.js';
import { paged } from '../reads/paged.js';
import { treemapOf } from '../reads/treemap.js';
import { velocity } from '../reads/velocity.js';
import type { ServerContext } from '../server-context.js';

const parseJson = (text: unknown, fallback: unknown) => {
  try {
    return typeof text === 'string' ? JSON.parse(text) : fallback;
  } catch {
    return fallback;
  }
};

/** A session summary row as the API shows it (its JSON columns parsed). */
function sessionOf(row: Record<string, unknown>) {
  return {
    ...row,
    files_touched: parseJson(row.files_touched, []),
    tool_counts: parseJson(row.tool_counts, {}),
    domains: parseJson(row.domains, []),
    heuristics_consulted: parseJson(row.heuristics_consulted, []),
  };
}

/** What agents did: velocity, hot spots, sessions, and the slowest queries. */
export function activityRoutes(app: Hono, server: ServerContext): void {
  const elf = server.elf;

  app.get('/api/velocity', async (c) => {
    const days = intParam((n) => c.req.query(n), 'days', 90, 1, 730);
    return c.json(await server.cache.get(`velocity:${days}`, () => velocity(elf.db, elf.core.clock.now(), days)));
  });

  app.get('/api/hotspots', async (c) => {
    const q = (n: string) => c.req.query(n);
    const days = intParam(q, 'days', 30, 1, 3650);
    const limit = intParam(q, 'limit', 100, 1, 500);
    const { items, total } = await server.cache.get(`hotspots:${days}:${limit}`, async () => {
      const since = new Date(elf.core.clock.now().getTime() - days * 86_400_000).toISOString();
      const [items, count] = await Promise.all([
        hotspots({ ...elf.core, projectPath: null }, { days, limit }),
        sql<{ n: number }>`select count(*) as n from (select 1 from trails where created_at >= ${since}
          group by location, location_type)`.execute(elf.db),
      ]);
      return { items, total: count.rows[0]?.n ?? items.length };
    });
    return c.json({ items, total, days, treemap: treemapOf(items) });
  });

  app.get('/api/sessions', async (c) => {
    const page = pageParams((n) => c.req.query(n));
    const project = c.req.query('project')?.trim();
    const { items, total } = await paged(
      elf.db,
      'session_summaries',
      (q) => (project ? q.where('project', '=', project) : q),
      (q) => q.orderBy('started_at', 'desc').orderBy('id', 'desc'),
      page,
      sessionOf,
    );
    return c.json(listOf(items, total, page));
  });

  app.get('/api/sessions/:id', async (c) => {
    const id = c.req.param('id');
    const row = await elf.db
      .selectFrom('session_summaries')
      .selectAll()
      .where('session_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'NOT_FOUND', `id: no session "${id.slice(0, 80)}"`, 'id');
    const [injections, tools] = await Promise.all([
      elf.db
        .selectFrom('session_injections')
        .selectAll()
        .where('session_id', '=', id)
        .orderBy('created_at')
        .limit(500)
        .execute(),
      elf.db.selectFrom('session_tools').selectAll().where('session_id', '=', id).limit(200).execute(),
    ]);
    return c.json({ session: sessionOf(row), injections, tools });
  });

  app.get('/api/queries/slow', async (c) => {
    const q = (n: string) => c.req.query(n);
    const page = pageParams(q);
    const minMs = intParam(q, 'minMs', 0, 0, 3_600_000);
    const { items, total } = await paged(
      elf.db,
      'building_queries',
      (query) => query.where('duration_ms', '>=', minMs),
      (query) => query.orderBy('duration_ms', 'desc').orderBy('id', 'desc'),
      page,
      // Telemetry rows as stored.
      (row: Record<string, unknown>) => row,
    );
    return c.json(listOf(items, total, page));
  });

  // Kept for the dashboard's "slow queries" header: the stored telemetry summary.
  app.get('/api/queries/summary', async (c) => {
    const { rows } = await sql<{ type: string; n: number; avg_ms: number; max_ms: number }>`
      select query_type as type, count(*) as n, avg(duration_ms) as avg_ms, max(duration_ms) as max_ms
      from building_queries where created_at >= ${new Date(Date.now() - 7 * 86_400_000).toISOString()}
      group by query_type order by n desc limit 50`.execute(elf.db);
    return c.json({ items: rows, total: rows.length });
  });
}
