import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contextQueries } from '../src/index.js';
import { openElf } from './support/elf.js';

// Every statement the context builder runs must use an index or an FTS match, never scan a table
// — but domain_stats, the trigger-kept summary with one row per domain, which a build reads whole
// on purpose (the known domains and the corpus size; cached per builder until the data changes).
const readWhole = new Set(['SCAN domain_stats', 'SCAN CONSTANT ROW']);

describe('context query plans', () => {
  it.each([false, true])('use indexes, never a table scan (after ANALYZE: %s)', async (analyzed) => {
    const elf = await openElf({ tokenCounter: undefined });
    await elf.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2000; i++) {
        const domain = ['database', 'api', 'ui', 'ops'][i % 4] as string;
        await trx
          .insertInto('learnings')
          .values({
            type: i % 3 ? 'success' : 'failure',
            title: `migration deadlock ${i}`,
            domain,
            project_path: i % 7 ? null : '/project',
          })
          .execute();
        if (i % 4 === 0) {
          await trx
            .insertInto('heuristics')
            .values({ domain, rule: `rule ${i} about migration`, project_path: i % 8 ? null : '/project' })
            .execute();
        }
      }
    });
    if (analyzed) await sql`analyze`.execute(elf.db);
    for (const { name, query } of contextQueries(elf.db)) {
      const { rows } = await elf.db.executeQuery<{ detail: string }>({
        ...query,
        sql: `explain query plan ${query.sql}`,
      });
      const details = rows.map((r) => r.detail);
      // Reading a subquery's rows (a co-routine, named or numbered) is not a table scan.
      const coroutines = new Set(details.flatMap((d) => /^CO-ROUTINE (\w+)$/.exec(d)?.[1] ?? []));
      const scans = details.filter(
        (d) =>
          !readWhole.has(d) &&
          !/^SCAN \(subquery-\d+\)$/.test(d) &&
          !coroutines.has(/^SCAN (\w+)$/.exec(d)?.[1] ?? '') &&
          (/^SCAN \w+$/.test(d) || (/^SCAN /.test(d) && !/USING (COVERING )?INDEX|VIRTUAL TABLE INDEX/.test(d))),
      );
      expect(scans, `${name}: ${details.join(' / ')}`).toEqual([]);
    }
  });
});
