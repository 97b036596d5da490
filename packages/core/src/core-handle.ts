import type { Database, NewBuildingQueryRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { SearchCache } from './search/search-cache.js';
import type { CountedKind, ItemTextFields } from './tokens/item-text.js';
import { itemText } from './tokens/item-text.js';
import type { TokenCounter } from './tokens/token-counter.js';

/** Time is injected so recency, decay and rate limits are testable without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Optional sink for things worth knowing that must not fail an operation (e.g. a lost telemetry row). */
export interface Logger {
  warn(message: string, details?: Record<string, unknown>): void;
}

/**
 * What every core operation runs against (`elf.core`, passed as the first argument): the database,
 * the clock, the current project and agent session, and the query telemetry not yet written.
 */
export interface CoreHandle {
  db: Kysely<Database>;
  clock: Clock;
  logger?: Logger | undefined;
  /** The current project's root (see resolveProjectRoot); null = outside any project. */
  projectPath: string | null;
  sessionId?: string | null | undefined;
  agentId?: string | null | undefined;
  /** When set, records store their token count; without it the count stays null (filled later). */
  tokenCounter?: TokenCounter | undefined;
  /**
   * Rows this connection wrote that change no knowledge: query telemetry (and the triggers that
   * count it) and the hooks' session bookkeeping (what a session was shown, its tool counts). The
   * change marker leaves them out. An object, so copies of the handle (a transaction's, a view's)
   * count into the same place.
   */
  unmarked?: { rows: number };
  /** Telemetry rows not yet written (see telemetry/query-log.ts). */
  telemetryBuffer?: NewBuildingQueryRow[];
  /** Phrase scores earlier searches read (see search/search-cache.ts); made by the first search. */
  searchCache?: SearchCache;
}

/**
 * Counts a bookkeeping write (one statement's own rows; it must fire no trigger) as no change of
 * knowledge: a hook in a long-lived process writes some on every event, and caches keyed by the
 * change marker must not be dropped for them.
 */
export function bookkeeping(ctx: CoreHandle, rows: bigint | number | undefined): void {
  if (ctx.unmarked && rows) ctx.unmarked.rows += Number(rows);
}

export function nowIso(ctx: Pick<CoreHandle, 'clock'>): string {
  return ctx.clock.now().toISOString();
}

/** The token count to store with a new item: counted when a counter is configured, else null. */
export function tokensFor<K extends CountedKind>(ctx: CoreHandle, kind: K, fields: ItemTextFields[K]): number | null {
  return ctx.tokenCounter ? ctx.tokenCounter.count(itemText(kind, fields)) : null;
}

/** The columns every new knowledge item gets: its token count, and created_at = updated_at = now. */
export function newItem<K extends CountedKind>(ctx: CoreHandle, kind: K, fields: ItemTextFields[K]) {
  const now = nowIso(ctx);
  return { token_count: tokensFor(ctx, kind, fields), created_at: now, updated_at: now };
}
