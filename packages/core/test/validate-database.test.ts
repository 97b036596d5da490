import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTempElf } from './support/temp-elf.js';

describe('validateDatabase', () => {
  it('passes a healthy database and counts its rows', async () => {
    const { elf } = await openTempElf();
    await elf.recordLearning({ type: 'failure', title: 't', domain: 'd', tags: 'a' });
    const report = await elf.validateDatabase();
    expect(report).toMatchObject({
      valid: true,
      errors: [],
      checks: { integrity: 'ok', foreign_keys: 'ok', tables: { missing: [] }, indexes: { missing: [] } },
    });
    expect(report.checks.counts).toMatchObject({ learnings: 1, learning_tags: 1 });
    expect(Object.values(report.checks.full_text).every((status) => status === 'ok')).toBe(true);
  });

  it('reports a full-text index out of step with its table', async () => {
    const { elf } = await openTempElf();
    await elf.recordLearning({ type: 'failure', title: 'indexed', domain: 'd' });
    await sql`drop trigger learnings_fts_after_delete`.execute(elf.db);
    await sql`delete from learnings`.execute(elf.db);
    const report = await elf.validateDatabase();
    expect(report.valid).toBe(false);
    expect(report.checks.full_text.learnings_fts).not.toBe('ok');
    expect(report.errors.some((e) => e.startsWith('learnings_fts'))).toBe(true);
  });

  it('reports rows whose parent is gone and missing indexes', async () => {
    const { elf } = await openTempElf();
    await sql`pragma foreign_keys = off`.execute(elf.db);
    await sql`insert into violations (rule_id, rule_name) values (404, 'ghost')`.execute(elf.db);
    await sql`drop index idx_learnings_domain_created_at`.execute(elf.db);
    const report = await elf.validateDatabase();
    expect(report.valid).toBe(false);
    expect(report.checks.foreign_keys).toMatch(/1 rows/);
    expect(report.warnings).toEqual(['missing indexes: idx_learnings_domain_created_at']);
  });
});
