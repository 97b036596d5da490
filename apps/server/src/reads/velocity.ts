import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';

export interface DayCounts {
  failures: number;
  successes: number;
  observations: number;
  heuristics: number;
  promotions: number;
}

const empty = (): DayCounts => ({ failures: 0, successes: 0, observations: 0, heuristics: 0, promotions: 0 });

/** The Monday of an ISO date's week (`YYYY-MM-DD`). */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Every day of the window, oldest first, with zeros where nothing happened. */
export function dayRange(now: Date, days: number): string[] {
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/**
 * Learning velocity: per day and per week, what was learned (failures, successes, observations),
 * how many heuristics were made and how many became golden. Three grouped range scans over the
 * created_at indexes; days with nothing are filled in here.
 */
export async function velocity(db: Kysely<Database>, now: Date, days: number) {
  const range = dayRange(now, days);
  const since = `${range[0]}T00:00:00.000Z`;
  const [learnings, heuristics, promotions] = await Promise.all([
    sql<{ day: string; type: string; n: number }>`
      select substr(created_at, 1, 10) as day, type, count(*) as n from learnings
      where created_at >= ${since} group by day, type`.execute(db),
    sql<{ day: string; n: number }>`
      select substr(created_at, 1, 10) as day, count(*) as n from heuristics
      where created_at >= ${since} group by day`.execute(db),
    sql<{ day: string; n: number }>`
      select substr(created_at, 1, 10) as day, count(*) as n from confidence_updates
      where created_at >= ${since} and update_type = 'promoted' group by day`.execute(db),
  ]);
  const byDay = new Map(range.map((day) => [day, empty()]));
  const plural: Record<string, keyof DayCounts> = {
    failure: 'failures',
    success: 'successes',
    observation: 'observations',
  };
  for (const r of learnings.rows) {
    const key = plural[r.type];
    const counts = byDay.get(r.day);
    if (key && counts) counts[key] += r.n;
  }
  for (const r of heuristics.rows) {
    const counts = byDay.get(r.day);
    if (counts) counts.heuristics += r.n;
  }
  for (const r of promotions.rows) {
    const counts = byDay.get(r.day);
    if (counts) counts.promotions += r.n;
  }
  const daily = [...byDay].map(([date, counts]) => ({ date, ...counts }));
  const weeks = new Map<string, DayCounts>();
  for (const { date, ...counts } of daily) {
    const week = weeks.get(weekOf(date)) ?? empty();
    for (const key of Object.keys(counts) as (keyof DayCounts)[]) week[key] += counts[key];
    weeks.set(weekOf(date), week);
  }
  return { days, daily, weekly: [...weeks].map(([week, counts]) => ({ week, ...counts })) };
}
