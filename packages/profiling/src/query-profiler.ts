import type { LogEvent } from 'kysely';

export interface StatementProfile {
  sql: string;
  count: number;
  errors: number;
  totalMs: number;
  meanMs: number;
  maxMs: number;
  p95Ms: number;
}

export interface SlowQuery {
  sql: string;
  ms: number;
  /** Types and lengths of the parameters, never their values (they may be private). */
  parameters: string[];
  at: string;
}

export interface ProfileSummary {
  queries: number;
  errors: number;
  totalMs: number;
  slowThresholdMs: number;
  slow: SlowQuery[];
  statements: StatementProfile[];
}

export interface QueryProfiler {
  /** Pass as `log` to Elf.open / openDatabase: kysely calls it for every statement. */
  log: (event: LogEvent) => void;
  summary(): ProfileSummary;
  reset(): void;
}

/** The shape of a parameter: `string(42)`, `number`, `null`, `blob(16)`. */
export function parameterShape(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `string(${value.length})`;
  if (value instanceof Uint8Array) return `blob(${value.byteLength})`;
  return typeof value;
}

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/**
 * Per-statement counts and durations through kysely's `log` hook, and a log of statements slower
 * than `slowMs` (default 100 ms, the seed guide's threshold) with their parameters' shapes.
 * Observes only: nothing in core or context knows it exists.
 */
export function createQueryProfiler(
  options: { slowMs?: number; keepSlow?: number; now?: () => Date } = {},
): QueryProfiler {
  const slowMs = options.slowMs ?? 100;
  const keepSlow = options.keepSlow ?? 100;
  const now = options.now ?? (() => new Date());
  let statements = new Map<string, { durations: number[]; errors: number }>();
  let slow: SlowQuery[] = [];
  return {
    log(event) {
      const sql = normalise(event.query.sql);
      const entry = statements.get(sql) ?? { durations: [], errors: 0 };
      entry.durations.push(event.queryDurationMillis);
      if (event.level === 'error') entry.errors++;
      statements.set(sql, entry);
      if (event.queryDurationMillis >= slowMs) {
        slow.push({
          sql,
          ms: event.queryDurationMillis,
          parameters: event.query.parameters.map(parameterShape),
          at: now().toISOString(),
        });
        if (slow.length > keepSlow) slow.shift();
      }
    },
    summary() {
      const profiles = [...statements].map(([sql, { durations, errors }]) => {
        const sorted = [...durations].sort((a, b) => a - b);
        const total = sorted.reduce((sum, d) => sum + d, 0);
        const round = (n: number) => Math.round(n * 1000) / 1000;
        return {
          sql,
          count: sorted.length,
          errors,
          totalMs: round(total),
          meanMs: round(total / sorted.length),
          maxMs: round(sorted.at(-1) ?? 0),
          p95Ms: round(sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? 0),
        };
      });
      return {
        queries: profiles.reduce((n, p) => n + p.count, 0),
        errors: profiles.reduce((n, p) => n + p.errors, 0),
        totalMs: Math.round(profiles.reduce((n, p) => n + p.totalMs, 0) * 1000) / 1000,
        slowThresholdMs: slowMs,
        slow: [...slow],
        statements: profiles.sort((a, b) => b.totalMs - a.totalMs),
      };
    },
    reset() {
      statements = new Map();
      slow = [];
    },
  };
}
