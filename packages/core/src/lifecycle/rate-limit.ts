import type { ConfidenceUpdateSource, Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { ConfidenceEvent } from './confidence.js';

/** Why an automatic outcome is held back, or null when it may apply. */
export type RateLimitVerdict = 'session' | 'daily' | null;

const outcomeEvents = new Set<ConfidenceEvent>(['validated', 'violated', 'contradicted', 'consulted']);
const movingEvents = ['validated', 'violated', 'contradicted'] as const;

/** Only the hooks' outcomes are limited: a person, maintenance and revival always apply. */
export function rateLimitApplies(source: ConfidenceUpdateSource, event: ConfidenceEvent): boolean {
  return source === 'auto' && outcomeEvents.has(event);
}

/** The updates that take a session's slot from this event. */
export function blockingEvents(event: ConfidenceEvent): readonly ConfidenceEvent[] {
  // An unknown outcome never takes the slot of a real one; it is counted once per session.
  return event === 'consulted' ? [...movingEvents, 'consulted'] : movingEvents;
}

/** Midnight UTC of `now`'s day: the daily cap counts from here. */
export function dayStart(now: string): string {
  return `${now.slice(0, 10)}T00:00:00.000Z`;
}

export interface RateLimitQuery {
  heuristicId: number;
  event: ConfidenceEvent;
  sessionId: string | null;
  now: string;
  dailyCap: number;
}

/** Whether an automatic outcome must be held back: once per session, `dailyCap` a day. */
export async function readRateLimit(trx: Kysely<Database>, q: RateLimitQuery): Promise<RateLimitVerdict> {
  if (q.sessionId !== null && (await sessionSlotTaken(trx, q.heuristicId, q.event, q.sessionId))) return 'session';
  if (q.event === 'consulted') return null;
  return (await automaticToday(trx, q.heuristicId, q.now)) >= q.dailyCap ? 'daily' : null;
}

async function sessionSlotTaken(
  trx: Kysely<Database>,
  heuristicId: number,
  event: ConfidenceEvent,
  sessionId: string,
): Promise<boolean> {
  const moved = await trx
    .selectFrom('confidence_updates')
    .select('id')
    .where('heuristic_id', '=', heuristicId)
    .where('session_id', '=', sessionId)
    .where('rate_limited', '=', 0)
    .where('update_type', 'in', blockingEvents(event))
    .limit(1)
    .executeTakeFirst();
  return moved !== undefined;
}

/** Automatic outcomes applied to this heuristic since midnight UTC. */
async function automaticToday(trx: Kysely<Database>, heuristicId: number, now: string): Promise<number> {
  const today = await trx
    .selectFrom('confidence_updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('heuristic_id', '=', heuristicId)
    .where('created_at', '>=', dayStart(now))
    .where('source', '=', 'auto')
    .where('rate_limited', '=', 0)
    .where('update_type', 'in', movingEvents)
    .executeTakeFirstOrThrow();
  return Number(today.n);
}
