import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Elf, retractHeuristic } from '@elf/core';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { buildContext, ContextBuilder } from '../src/index.js';
import { o200k, openElf } from './support/elf.js';

const golden = async (elf: Elf, rule: string, validated: number, category: string | null = null) => {
  const h = await elf.recordHeuristic({ domain: 'general', rule, category, project_path: null });
  await elf.db
    .updateTable('heuristics')
    .set({ is_golden: 1, times_validated: validated })
    .where('id', '=', h.id)
    .execute();
  return h.id;
};

describe('a kept builder', () => {
  it('finds what was recorded after it built, and forgets what was retracted, across many builds', async () => {
    // Outside any project: the rule can only be found by its words.
    const elf = await openElf({ seedStarters: false, projectPath: null });
    for (let i = 0; i < 40; i++)
      await elf.recordLearning({ type: 'observation', title: `Background note ${i} about the build`, domain: 'ci' });
    const builder = new ContextBuilder(elf);
    // Words no item held when the builder first looked them up.
    const task = 'the zorblax plugin fizzes after quuxing';
    const before = await builder.build({ task });
    expect(before.text).not.toContain('zorblax');
    const rule = await elf.recordHeuristic({ domain: 'tooling', rule: 'Pin zorblax below 2.0 before quuxing' });
    expect((await builder.build({ task })).text).toContain('Pin zorblax below 2.0');
    await retractHeuristic(elf.core, { id: rule.id, reason: 'fixed upstream' });
    expect((await builder.build({ task })).text).not.toContain('Pin zorblax below 2.0');
    await elf.close();
  });
});

describe('buildContext tiers', () => {
  it('puts the project file and project items first, then golden rules, task knowledge, background', async () => {
    const elf = await openElf({ seedStarters: false });
    const project = realpathSync(tempDir());
    execFileSync('git', ['init', '-q'], { cwd: project });
    mkdirSync(join(project, '.elf'));
    writeFileSync(join(project, '.elf', 'context.md'), 'Billing service in Go. Money is stored in cents.\n');
    mkdirSync(join(project, 'sub', 'dir'), { recursive: true });
    await elf.recordHeuristic({ domain: 'billing', rule: 'Use integer cents for money', project_path: project });
    await golden(elf, 'Verify before claiming done', 5);
    await elf.recordHeuristic({
      domain: 'database',
      rule: 'Batch large migrations to avoid long locks',
      project_path: null,
    });
    await elf.recordLearning({ type: 'failure', title: 'Nightly job crashed on a null customer', domain: 'jobs' });
    await elf.recordExperiment({ name: 'pgbouncer', hypothesis: 'Transaction pooling halves connections' });
    const result = await buildContext(elf, {
      task: 'the migration that converts money amounts locks the orders table',
      cwd: join(project, 'sub', 'dir'),
    });
    const text = result.text;
    const at = (s: string) => text.indexOf(s);
    expect(at('## This project')).toBeGreaterThan(0);
    expect(at('Money is stored in cents')).toBeGreaterThan(at('## This project'));
    expect(at('Use integer cents')).toBeGreaterThan(at('## This project'));
    expect(at('## Golden rules')).toBeGreaterThan(at('Use integer cents'));
    expect(at('## Relevant to this task')).toBeGreaterThan(at('Verify before claiming done'));
    expect(at('Batch large migrations')).toBeGreaterThan(at('## Relevant to this task'));
    expect(at('## Background')).toBeGreaterThan(at('Batch large migrations'));
    expect(at('Nightly job crashed')).toBeGreaterThan(at('### Recent failures'));
    expect(at('pgbouncer')).toBeGreaterThan(at('### Active experiments'));
    expect(result.tiers.map((t) => t.tier)).toEqual([0, 1, 2, 3]);
    expect(result.domains).toContain('database');
  });

  it('formats a heuristic on one line with confidence and validations, without ANSI escapes', async () => {
    const elf = await openElf({ seedStarters: false });
    const h = await elf.recordHeuristic({
      domain: 'json',
      rule: 'Always wrap JSON.parse in try/catch',
      confidence: 0.85,
    });
    await elf.db.updateTable('heuristics').set({ times_validated: 12 }).where('id', '=', h.id).execute();
    const { text } = await buildContext(elf, { task: 'parse the JSON config safely' });
    expect(text).toContain('- Always wrap JSON.parse in try/catch (0.85, 12✓)\n');
    expect(text).not.toContain('\u001b');
  });

  it('orders golden rules by validations and filters them by category', async () => {
    const elf = await openElf({ seedStarters: false });
    await golden(elf, 'Query memory first', 3, 'core');
    await golden(elf, 'Record failures immediately', 9, 'process');
    const all = await buildContext(elf, { task: 'anything' });
    expect(all.text.indexOf('Record failures')).toBeLessThan(all.text.indexOf('Query memory'));
    const core = await buildContext(elf, { task: 'anything', categories: 'core' });
    expect(core.text).toContain('Query memory first');
    expect(core.text).not.toContain('Record failures');
  });

  it('shows near-identical rules once (golden rule wins)', async () => {
    const elf = await openElf({ seedStarters: false });
    await golden(elf, 'Always run the full test suite before you push to main', 4);
    await elf.recordHeuristic({ domain: 'testing', rule: 'always run the full test suite before you push to main!' });
    const result = await buildContext(elf, { task: 'push the test suite fix to main' });
    expect(result.text.match(/full test suite/g)).toHaveLength(1);
    expect(result.omitted).toContainEqual({ kind: 'heuristic', id: expect.any(Number), reason: 'duplicate' });
  });

  it('puts past failures first among learnings and violated invariants first, and warns about challenged assumptions', async () => {
    const elf = await openElf({ seedStarters: false });
    await elf.recordLearning({
      type: 'success',
      title: 'Cache warmup script worked for the cache cluster',
      domain: 'cache',
    });
    await elf.recordLearning({ type: 'failure', title: 'Cache stampede took down the cache cluster', domain: 'cache' });
    const ok = await elf.recordInvariant({
      statement: 'Cache keys include the tenant id',
      rationale: 'isolation',
      domain: 'cache',
    });
    const bad = await elf.recordInvariant({
      statement: 'Cache entries expire within one hour',
      rationale: 'freshness',
      domain: 'cache',
    });
    await elf.db
      .updateTable('invariants')
      .set({ status: 'violated', violation_count: 3 })
      .where('id', '=', bad.id)
      .execute();
    const a = await elf.recordAssumption({ assumption: 'The cache cluster survives a node loss', confidence: 0.2 });
    await elf.db.updateTable('assumptions').set({ status: 'challenged' }).where('id', '=', a.id).execute();
    await elf.recordAssumption({ assumption: 'Cache hit ratio stays above 90%', confidence: 0.9 });
    const { text } = await buildContext(elf, {
      task: 'the cache cluster falls over under load; check the cache keys, entries, expiry and hit ratio',
      domain: 'cache',
    });
    expect(text.indexOf('Cache stampede')).toBeLessThan(text.indexOf('Cache warmup'));
    expect(text).toContain('- VIOLATED 3×: Cache entries expire within one hour');
    expect(text.indexOf('Cache entries expire')).toBeLessThan(text.indexOf('Cache keys include'));
    expect(text).toContain('- ⚠ challenged: The cache cluster survives a node loss');
    expect(text).toContain('- Cache hit ratio stays above 90% (0.90)');
    expect(ok.id).toBeGreaterThan(0);
  });

  it('shortens a long item at a sentence or word boundary instead of dropping it', async () => {
    const elf = await openElf({ seedStarters: false });
    const summary = `${'The queue consumer retried poison messages forever and filled the disk. '.repeat(30)}End.`;
    await elf.recordLearning({ type: 'failure', title: 'Poison messages filled the disk', summary, domain: 'queue' });
    const result = await buildContext(elf, { task: 'queue consumer poison messages' });
    const item = result.tiers.flatMap((t) => t.items).find((i) => i.kind === 'learning');
    expect(item?.shortened).toBe(true);
    expect(item?.text).toMatch(/\.…$|\w…$/);
    expect(result.text).toContain('Poison messages filled the disk — The queue consumer');
  });

  it('ends with a note of how many items were left out', async () => {
    const elf = await openElf({ seedStarters: false });
    const topics = [
      'pagination',
      'errors',
      'auth headers',
      'rate limits',
      'idempotency keys',
      'webhooks',
      'timeouts',
      'retries',
    ];
    for (const [i, topic] of topics.entries()) {
      await elf.recordHeuristic({
        domain: 'api',
        rule: `Version the API's ${topic} explicitly: clients pin v${i} until they migrate`,
      });
    }
    const result = await buildContext(elf, { task: 'version the api endpoints', maxTokens: 150 });
    const left = result.omitted.filter((o) => o.reason === 'budget').length;
    expect(left).toBeGreaterThan(0);
    expect(result.text.endsWith(`_${left} more items left out to stay within 150 tokens._\n`)).toBe(true);
  });

  it('leaves out task knowledge that does not match, and says why with --explain data', async () => {
    const elf = await openElf({ seedStarters: false });
    const h = await elf.recordHeuristic({ domain: 'css', rule: 'Prefer grid over floats for layout' });
    const result = await buildContext(elf, { task: 'rotate the database credentials' });
    expect(result.text).not.toContain('grid');
    expect(result.candidates.find((c) => c.id === h.id)).toMatchObject({ included: false, reason: 'low relevance' });
  });

  it('depth minimal gives golden rules only; deep allows longer items', async () => {
    const elf = await openElf();
    await elf.recordHeuristic({ domain: 'database', rule: 'Batch large migrations' });
    const minimal = await buildContext(elf, { task: 'database migration', depth: 'minimal' });
    expect(minimal.tiers.map((t) => t.tier)).toEqual([1]);
    const deep = await buildContext(elf, { task: 'database migration', depth: 'deep' });
    expect(deep.text).toContain('Batch large migrations');
  });

  it('writes one building_queries row per build, with tokens and item counts', async () => {
    const elf = await openElf();
    await buildContext(elf, { task: 'anything', maxTokens: 500 });
    await elf.flushTelemetry();
    const rows = await elf.db
      .selectFrom('building_queries')
      .selectAll()
      .where('query_type', '=', 'build_context')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'success', max_tokens_requested: 500, golden_rules_returned: 8 });
    expect(rows[0]?.tokens_approximated).toBeGreaterThan(0);
  });
});

describe('a task whose words no item holds', () => {
  it('gets nothing of the project, where no task at all gets its best', async () => {
    const elf = await openElf({ seedStarters: false });
    await elf.recordHeuristic({ domain: 'database', rule: 'Batch large migrations so no lock is held for long' });
    expect((await buildContext(elf, {})).text).toContain('Batch large migrations');
    expect((await buildContext(elf, { task: 'zorblax quuxing wibbles' })).text).not.toContain('Batch large migrations');
  });
});

describe('edge cases produce a valid context', () => {
  it.each([
    ['an empty database', { task: 'refactor the parser' }],
    ['an unknown domain', { task: 'x', domain: 'no-such-domain' }],
    ['only stop words', { task: 'the of and to a in is it' }],
    ['a 50,000-character task', { task: 'migrate the database schema safely '.repeat(1429) }],
    ['non-ASCII text', { task: 'データベースの移行が失敗した — migración fallida 🙂' }],
    ['no task at all', {}],
  ])('%s', async (_name, input) => {
    const elf = await openElf();
    const counter = await o200k();
    for (const tokenCounter of [counter, undefined]) {
      const result = await buildContext(elf, input, { tokenCounter });
      expect(result.text).toMatch(/^# ELF memory/);
      expect(result.text).toContain('## Golden rules');
      expect(counter.count(result.text)).toBeLessThanOrEqual(2000);
    }
  });

  it.each([
    [{ maxTokens: 99 }, 'maxTokens'],
    [{ maxTokens: 50_001 }, 'maxTokens'],
    [{ depth: 'huge' }, 'depth'],
  ])('rejects %o naming %s', async (input, field) => {
    const elf = await openElf();
    await expect(buildContext(elf, input as never)).rejects.toMatchObject({ code: 'INVALID_INPUT', field });
  });
});

describe('the in-process cache', () => {
  it('sees a golden rule added by another connection on the next build', async () => {
    const elf = await openElf({ seedStarters: false });
    const builder = new ContextBuilder(elf);
    expect((await builder.build({ task: 'x' })).text).not.toContain('Brand new rule');
    const other = await Elf.open({ path: elf.path, projectPath: null });
    await golden(other, 'Brand new rule from another process', 1);
    await other.close();
    expect((await builder.build({ task: 'x' })).text).toContain('Brand new rule');
  });

  it("finds what another connection records under words it has already searched, and keeps a kind's postings while its index stays the same", async () => {
    const reads: string[] = [];
    const elf = await openElf({
      seedStarters: false,
      log: (event) => {
        if (event.level === 'query') reads.push(event.query.sql);
      },
    });
    await elf.recordHeuristic({ domain: 'database', rule: 'Lock rows in id order to avoid deadlocks' });
    const builder = new ContextBuilder(elf);
    const task = 'checkout deadlocks when two workers refund the same order';
    expect((await builder.build({ task })).text).not.toContain('Refund');
    // Of the indexes with a generation (invariants and assumptions have none: they are read
    // again after any write).
    const generational = (q: string) => /(learnings|heuristics|decisions|spike_reports)_fts/.test(q);
    const postingReads = () => reads.filter((q) => q.includes('group_concat(id)') && generational(q)).length;
    const countReads = () =>
      reads.filter((q) => /(learnings|heuristics|decisions|spike_reports)_fts_vocab/.test(q)).length;

    // A write elsewhere (a session's trail): the words' postings and counts are not read again.
    const other = await Elf.open({ path: elf.path, projectPath: null });
    await other.recordTrail({ location: 'src/orders/refund.ts', scent: 'read', strength: 0.5 });
    const [postings, counts] = [postingReads(), countReads()];
    await builder.build({ task });
    expect([postingReads(), countReads()]).toEqual([postings, counts]);

    // A learning: the learnings index moved (read again), the rules' did not.
    await other.recordLearning({
      type: 'failure',
      title: 'Refund worker deadlocked on the orders table',
      domain: 'database',
    });
    const before = reads.length;
    const withLearning = await builder.build({ task });
    expect(withLearning.text).toContain('Refund worker deadlocked');
    const read = reads.slice(before).filter((q) => q.includes('group_concat(id)'));
    expect(read.some((q) => q.includes('learnings_fts'))).toBe(true);
    expect(read.some((q) => q.includes('heuristics_fts'))).toBe(false);

    // A rule holding a word no rule held before ("refund"): found on the next build.
    await other.recordHeuristic({ domain: 'database', rule: 'Refund through a queue with one worker per order' });
    await other.close();
    expect((await builder.build({ task })).text).toContain('Refund through a queue');
  });
});

describe('build options for hooks', () => {
  it('leaves out items the reader has already seen, and gives their room to new ones', async () => {
    const elf = await openElf({ seedStarters: false });
    const gold = await golden(elf, 'Verify before claiming done', 5);
    const a = await elf.recordHeuristic({ domain: 'database', rule: 'Batch large migrations to avoid long locks' });
    const b = await elf.recordHeuristic({
      domain: 'database',
      rule: 'Add columns nullable and backfill migrations later',
    });
    const builder = new ContextBuilder(elf);
    const task = 'the migration locks the orders table';
    const first = await builder.build({ task });
    const shown = new Set(first.tiers.flatMap((t) => t.items).map((i) => `${i.kind}:${i.id}`));
    expect(shown).toEqual(new Set([`golden_rule:${gold}`, `heuristic:${a.id}`, `heuristic:${b.id}`]));
    const second = await builder.build({ task }, { exclude: new Set([`golden_rule:${gold}`, `heuristic:${a.id}`]) });
    expect(second.tiers.flatMap((t) => t.items).map((i) => `${i.kind}:${i.id}`)).toEqual([`heuristic:${b.id}`]);
    expect(second.omitted).toContainEqual({ kind: 'heuristic', id: a.id, reason: 'already shown' });
    expect(second.candidates.find((c) => c.id === a.id && c.kind === 'heuristic')).toMatchObject({
      included: false,
      reason: 'already shown',
    });
  });

  it('keeps only the tiers asked for', async () => {
    const elf = await openElf({ seedStarters: false });
    await golden(elf, 'Verify before claiming done', 5);
    await elf.recordHeuristic({ domain: 'database', rule: 'Batch large migrations to avoid long locks' });
    await elf.recordLearning({ type: 'failure', title: 'Nightly job crashed on a null customer', domain: 'jobs' });
    // This project's items (tier 0) and task knowledge (tier 2): no golden rules, no background.
    const result = await new ContextBuilder(elf).build({ task: 'migration locks' }, { tiers: [0, 2] });
    expect(result.tiers.map((t) => t.tier)).toEqual([0]);
    expect(result.text).toContain('Batch large migrations');
    expect(result.text).not.toContain('Verify before claiming done');
    expect(result.text).not.toContain('Nightly job crashed');
    expect(result.omitted.some((o) => o.reason === 'tier not requested')).toBe(true);
  });
});
