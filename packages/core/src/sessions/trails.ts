import { sql } from 'kysely';
import type { CoreHandle } from '../core-handle.js';

export interface TrailListInput {
  days?: number;
  limit?: number;
  sessionId?: string | null;
}

/** Trails of the last N days (default 7), newest first, for this project when there is one. */
export function listTrails(ctx: CoreHandle, input: TrailListInput = {}) {
  const since = new Date(ctx.clock.now().getTime() - (input.days ?? 7) * 86_400_000).toISOString();
  let query = ctx.db
    .selectFrom('trails')
    .select(['id', 'location', 'location_type', 'scent', 'strength', 'agent_id', 'session_id', 'message', 'created_at'])
    .where('created_at', '>=', since);
  if (ctx.projectPath !== null) query = query.where('project_path', '=', ctx.projectPath);
  if (input.sessionId) query = query.where('session_id', '=', input.sessionId);
  return query
    .orderBy('created_at', 'desc')
    .limit(input.limit ?? 50)
    .execute();
}

export interface Hotspot {
  location: string;
  location_type: string;
  visits: number;
  strength: number;
  scents: string;
  last_at: string;
}

/** Trails of the last N days grouped by location: where agents keep going, strongest first. */
export async function hotspots(ctx: CoreHandle, input: { days?: number; limit?: number } = {}): Promise<Hotspot[]> {
  const since = new Date(ctx.clock.now().getTime() - (input.days ?? 7) * 86_400_000).toISOString();
  let query = ctx.db
    .selectFrom('trails')
    .select([
      'location',
      'location_type',
      (eb) => eb.fn.countAll<number>().as('visits'),
      (eb) => eb.fn.sum<number>('strength').as('strength'),
      sql<string>`group_concat(distinct scent)`.as('scents'),
      (eb) => eb.fn.max<string>('created_at').as('last_at'),
    ])
    .where('created_at', '>=', since);
  if (ctx.projectPath !== null) query = query.where('project_path', '=', ctx.projectPath);
  const rows = await query
    .groupBy(['location', 'location_type'])
    .orderBy('strength', 'desc')
    .orderBy('visits', 'desc')
    .limit(input.limit ?? 20)
    .execute();
  return rows.map((r) => ({ ...r, strength: Math.round(Number(r.strength) * 100) / 100 }));
}

/** Session summaries, newest first (this project's when there is one). */
export function listSessions(ctx: CoreHandle, input: { limit?: number } = {}) {
  let query = ctx.db.selectFrom('session_summaries').selectAll();
  if (ctx.projectPath !== null) query = query.where('project', '=', ctx.projectPath);
  return query
    .orderBy('started_at', 'desc')
    .limit(input.limit ?? 20)
    .execute();
}
