import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';

/** Time is injected so recency, decay and rate limits are testable without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Optional sink for things worth knowing that must not fail an operation (e.g. a lost telemetry row). */
export interface Logger {
  warn(message: string, details?: Record<string, unknown>): void;
}

/** What every core operation runs against. */
export interface CoreContext {
  db: Kysely<Database>;
  clock: Clock;
  logger?: Logger | undefined;
  /** The current project's root (see resolveProjectRoot); null = outside any project. */
  projectPath: string | null;
  sessionId?: string | null | undefined;
  agentId?: string | null | undefined;
}

export function nowIso(ctx: Pick<CoreContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
