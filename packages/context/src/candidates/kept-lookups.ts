import type { HeuristicRow, LearningRow } from '@elf/schema';
import type { RawBuilder } from 'kysely';
import type { CorpusCache } from '../build/corpus-cache.js';
import { rows } from './queries.js';

// Look-ups a build makes per key (a domain, a matching learning), kept per key by the corpus
// cache and combined here: builds ask for new combinations of keys far more often than for new keys.

type Query<T> = RawBuilder<T>;

/** One query's rows per domain (each kept per snapshot), for the domains asked. */
export async function perDomain<T>(
  cache: CorpusCache,
  name: string,
  domains: readonly string[],
  query: (domains: string[]) => Query<T>,
): Promise<T[][]> {
  if (domains.length === 0) return [];
  const byDomain = await cache.memoEach<T>(name, domains, async (missing) => {
    const lists = await Promise.all(missing.map((d) => rows(cache.db, query([d]))));
    return new Map(missing.map((d, i) => [d, lists[i] as T[]]));
  });
  return domains.map((d) => byDomain.get(d) ?? []);
}

/** The rows a query finds for each learning (kept per snapshot by learning id), all together. */
export async function perLearning<T>(
  cache: CorpusCache,
  name: string,
  learnings: ReadonlyArray<{ row: LearningRow }>,
  read: (missing: LearningRow[]) => Promise<Map<number, T[]>>,
): Promise<T[]> {
  if (learnings.length === 0) return [];
  const byId = new Map(learnings.map((l) => [String(l.row.id), l.row]));
  const found = await cache.memoEach<T>(name, [...byId.keys()], async (missing) => {
    const lists = await read(missing.map((id) => byId.get(id) as LearningRow));
    return new Map([...lists].map(([id, list]) => [String(id), list]));
  });
  return [...found.values()].flat();
}

export function grouped<T>(list: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of list) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

type Ordered = { id: number; created_at: string; confidence?: number; times_validated?: number; status?: string };
export const newestFirst = (a: Ordered, b: Ordered) =>
  a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0;
export const byConfidence = (a: HeuristicRow, b: HeuristicRow) =>
  b.confidence - a.confidence || b.times_validated - a.times_validated;
export const violatedFirst = (a: Ordered, b: Ordered) =>
  Number(b.status === 'violated') - Number(a.status === 'violated') || newestFirst(a, b);

/**
 * The first `limit` of per-domain lists (each already in `order` and limited) merged in `order`,
 * each item once (an item of no domain is in every list of kinds that include those).
 */
export function merged<T extends { id: number }>(
  lists: readonly T[][],
  limit: number,
  order: (a: T, b: T) => number,
): T[] {
  if (lists.length === 1) return lists[0] as T[];
  const seen = new Set<number>();
  const all: T[] = [];
  for (const list of lists)
    for (const row of list)
      if (!seen.has(row.id)) {
        seen.add(row.id);
        all.push(row);
      }
  return all.sort(order).slice(0, limit);
}
