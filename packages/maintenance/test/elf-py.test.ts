import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Elf } from '@elf/core';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { importElfPy, parseGoldenRulesMarkdown } from '../src/index.js';
import { now, openElf } from './support/elf.js';

// The fixture (test/fixtures/elf-py, see its README) was built from the reference's description
// of the original Python ELF's tables: memory/index.db with every table and deliberate oddities,
// memory/golden-rules.md, and memory-old/index.db with an older, smaller schema.
const fixtures = fileURLToPath(new URL('./fixtures/elf-py', import.meta.url));

function installation(variant: 'memory' | 'memory-old'): string {
  const base = tempDir('elf-py-');
  mkdirSync(join(base, 'memory'));
  cpSync(join(fixtures, variant), join(base, 'memory'), { recursive: true });
  return base;
}

const count = async (elf: Elf, table: 'learnings' | 'heuristics' | 'decisions' | 'violations') =>
  (
    await elf.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('golden-rules.md', () => {
  it('parses numbered rules, their quoted sentence, category, why, and the distilled format', () => {
    const rules = parseGoldenRulesMarkdown(readFileSync(join(fixtures, 'memory', 'golden-rules.md'), 'utf8'));
    expect(rules.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rules[0]).toMatchObject({ title: 'Query Before Acting', category: 'core', validations: 42 });
    expect(rules[0]?.rule).toMatch(/^Always query the building/);
    expect(rules[2]).toMatchObject({
      domain: 'testing',
      confidence: 0.92,
      validations: 14,
      violations: 0,
      category: null,
    });
    expect(rules[5]?.rule).not.toMatch(/How Rules Become Golden|confidence 0\.5/);
  });
});

describe('elf import elf-py', () => {
  it('imports every row of every table it has, merging golden flags with the Markdown rules', async () => {
    const elf = await openElf();
    const report = await importElfPy(elf.db, { base: installation('memory'), now });
    expect(report.found).toMatchObject({ learnings: 25, heuristics: 15, decisions: 4, violations: 5, cycles: 4 });
    // 25 learnings: all imported, one exact duplicate included (the source has it twice).
    expect(report.imported.learning).toBe(25);
    expect(report.imported).toMatchObject({
      decision: 4,
      invariant: 3,
      assumption: 3,
      spike_report: 2,
      experiment: 3,
      cycle: 4,
      ceo_review: 2,
      violation: 5,
    });
    // 15 heuristics + 3 rules that only the Markdown had.
    expect(report.imported.heuristic).toBe(18);
    expect(report.goldenRules).toMatchObject({ matched: 3, created: 3 });
    expect(report.skipped).toEqual([]);
    const golden = await elf.db
      .selectFrom('heuristics')
      .select(['rule', 'category'])
      .where('is_golden', '=', 1)
      .where('source_type', '!=', 'starter')
      .execute();
    expect(golden).toHaveLength(7); // 4 golden in the database + 3 from the Markdown only
    expect(golden.find((g) => g.rule.startsWith('Never force-push'))?.category).toBe('git');
  });

  it('normalises what the original did not, and says what it adjusted', async () => {
    const elf = await openElf({ seedStarters: false });
    const report = await importElfPy(elf.db, { base: installation('memory'), now });
    const domains = (await elf.db.selectFrom('domain_stats').select('domain').execute()).map((d) => d.domain);
    expect(domains).toEqual(expect.arrayContaining(['react', 'error-handling', 'ci-cd', 'git']));
    expect(domains.every((d) => /^[a-z0-9._-]+$/.test(d))).toBe(true);
    const long = await elf.db
      .selectFrom('learnings')
      .select(['title', 'summary'])
      .where('title', 'like', '%…')
      .executeTakeFirstOrThrow();
    expect(long.title.length).toBeLessThanOrEqual(500);
    expect(long.summary?.length).toBeGreaterThan(600);
    expect(report.adjusted.some((a) => a.kind === 'learning' && /title shortened/.test(a.note))).toBe(true);
    const stamps = await elf.db.selectFrom('learnings').select('created_at').execute();
    expect(stamps.every((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s.created_at))).toBe(true);
    const deprecated = await elf.db
      .selectFrom('heuristics')
      .select('status')
      .where('times_contradicted', '=', 5)
      .executeTakeFirstOrThrow();
    expect(deprecated.status).toBe('archived');
    const superseded = await elf.db
      .selectFrom('decisions')
      .select(['title', 'superseded_by'])
      .where('status', '=', 'superseded')
      .executeTakeFirstOrThrow();
    expect(superseded.superseded_by).not.toBeNull();
    expect((await elf.validateDatabase()).valid).toBe(true);
  });

  it('keeps the original scope (NULL = global) and records a scoped rule as learned in its project', async () => {
    const elf = await openElf({ seedStarters: false });
    await importElfPy(elf.db, { base: installation('memory'), now });
    const rows = await elf.db.selectFrom('heuristics').select(['project_path', 'origin_path']).execute();
    const scoped = rows.filter((r) => r.project_path !== null);
    expect(scoped).toEqual([
      { project_path: '/home/maya/code/billing-api', origin_path: '/home/maya/code/billing-api' },
    ]);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.project_path === null).every((r) => r.origin_path === null)).toBe(true);
  });

  it('links violations to the golden rules by their number in golden-rules.md', async () => {
    const elf = await openElf({ seedStarters: false });
    await importElfPy(elf.db, { base: installation('memory'), now });
    const rows = await elf.db
      .selectFrom('violations')
      .innerJoin('heuristics', 'heuristics.id', 'violations.rule_id')
      .select(['violations.rule_name', 'heuristics.is_golden'])
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.is_golden === 1)).toBe(true);
  });

  it('is idempotent: a second run imports nothing new', async () => {
    const elf = await openElf();
    const base = installation('memory');
    await importElfPy(elf.db, { base, now });
    const counts = await Promise.all(
      (['learnings', 'heuristics', 'decisions', 'violations'] as const).map((t) => count(elf, t)),
    );
    const again = await importElfPy(elf.db, { base, now });
    expect(Object.values(again.imported).every((n) => n === 0)).toBe(true);
    expect(
      await Promise.all((['learnings', 'heuristics', 'decisions', 'violations'] as const).map((t) => count(elf, t))),
    ).toEqual(counts);
  });

  it('tolerates an older schema with missing tables and columns, and no golden-rules.md', async () => {
    const elf = await openElf({ seedStarters: false });
    const report = await importElfPy(elf.db, { base: installation('memory-old'), now });
    expect(report.found).toEqual({ learnings: 6, heuristics: 4, experiments: 1, ceo_reviews: 1 });
    expect(report.imported).toMatchObject({ learning: 6, heuristic: 4, experiment: 1, ceo_review: 1, decision: 0 });
    expect(report.goldenRules.file).toBeNull();
    expect(await count(elf, 'heuristics')).toBe(4);
  });

  it('says clearly when there is no installation', async () => {
    const elf = await openElf();
    await expect(importElfPy(elf.db, { base: tempDir() })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'base' });
  });
});
