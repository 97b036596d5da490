import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { CoreHandle } from '../core-handle.js';

/** Domains that hold at least one learning or heuristic (domain_stats is kept by triggers). */
export function knownDomainsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('domain_stats')
    .select('domain')
    .where((eb) => eb(eb('learnings', '+', eb.ref('heuristics')), '>', 0))
    .limit(10_000);
}

export async function knownDomains(ctx: CoreHandle): Promise<{ domains: string[] }> {
  const rows = await knownDomainsQuery(ctx.db).execute();
  return { domains: rows.map((row) => row.domain) };
}
