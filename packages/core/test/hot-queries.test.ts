import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPageIndexes, type Elf, hotQueries } from '../src/index.js';
import { openTempElf } from './support/temp-elf.js';

const domains = ['api', 'database', 'testing', 'ui', 'ops', 'security', 'git', 'performance'];

/** Enough rows across domains, types, tags and statuses that the planner has real choices. */
async function populate(elf: Elf) {
  const now = Date.parse('2026-11-26T12:00:00.000Z');
  await elf.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 3000; i++) {
      const created = new Date(now - i * 3_600_000).toISOString();
      const domain = domains[i % domains.length] as string;
      const { id } = await trx
        .insertInto('learnings')
        .values({
          type: (['failure', 'success', 'observation'] as const)[i % 3] as 'failure',
          title: `learning ${i} about ${domain} migration cache`,
          domain,
          tags: `t${i % 40},${domain}`,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('learning_tags')
        .values([
          { tag: `t${i % 40}`, learning_id: id },
          { tag: domain, learning_id: id },
        ])
        .execute();
      if (i % 5 === 0) {
        await trx
          .insertInto('heuristics')
          .values({
            domain,
            rule: `heuristic ${i} for ${domain}`,
            confidence: (i % 100) / 100,
            is_golden: i % 50 === 0 ? 1 : 0,
            project_path: i % 2 ? '/project' : null,
            created_at: created,
            updated_at: created,
          })
          .execute();
      }
    }
  });
}

/** Summaries kept by triggers, a row per domain or per day: read whole on purpose. */
const summaries = new Set(['SCAN domain_stats', 'SCAN building_query_days']);

const badPlan = (detail: string) =>
  // A full scan of a table (not of an index, not an FTS MATCH) or a scan of a whole index for a filter.
  !summaries.has(detail) &&
  (/^SCAN \w+$/.test(detail) ||
    (/^SCAN /.test(detail) && !/USING (COVERING )?INDEX|VIRTUAL TABLE INDEX \d+:=?M/.test(detail)));

async function plans(db: Kysely<any>, elf: Elf) {
  await createPageIndexes(elf.db);
  const result: Array<{ name: string; details: string[] }> = [];
  for (const { name, query } of hotQueries(elf.db)) {
    const { rows } = await db.executeQuery<{ detail: string }>({
      ...query,
      sql: `explain query plan ${query.sql}`,
    });
    result.push({ name, details: rows.map((r) => r.detail) });
  }
  return result;
}

describe('hot queries', () => {
  it('lists every query on the hot path', async () => {
    const { elf } = await openTempElf();
    const names = hotQueries(elf.db).map((q) => q.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'heuristics by domain',
        'learnings by tags',
        'golden rules',
        'search learning',
        'statistics counts',
      ]),
    );
  });

  it.each([false, true])('all use an index, never a table scan (after ANALYZE: %s)', async (analyzed) => {
    const { elf } = await openTempElf();
    await populate(elf);
    if (analyzed) await sql`analyze`.execute(elf.db);
    for (const { name, details } of await plans(elf.db, elf)) {
      const offending = details.filter(badPlan);
      expect(offending, `${name}: ${details.join(' / ')}`).toEqual([]);
      expect(
        details.some((d) => /USING|VIRTUAL TABLE INDEX/.test(d) || summaries.has(d)),
        `${name}: ${details.join(' / ')}`,
      ).toBe(true);
    }
  });

  it('the plan check itself flags a table scan', () => {
    expect(badPlan('SCAN learnings')).toBe(true);
    expect(badPlan('SCAN learnings USING COVERING INDEX idx_learnings_type')).toBe(false);
    expect(badPlan('SEARCH learnings USING INDEX idx_learnings_domain (domain=?)')).toBe(false);
    expect(badPlan('SCAN learnings_fts VIRTUAL TABLE INDEX 32:M4')).toBe(false);
    expect(badPlan('SCAN learnings_fts VIRTUAL TABLE INDEX 0:=M4')).toBe(false); // MATCH at one rowid
    expect(badPlan('SCAN learnings_fts VIRTUAL TABLE INDEX 0:')).toBe(true);
    expect(badPlan('SCAN domain_stats')).toBe(false);
    expect(badPlan('SCAN kept_counts')).toBe(true);
  });
});
