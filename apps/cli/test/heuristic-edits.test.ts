import { fileURLToPath } from 'node:url';
import { Elf } from '@elf/core';
import { describe, expect, it } from 'vitest';
import { dump, refused } from './support/refused.js';
import { elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

const goldenFixture = fileURLToPath(new URL('./fixtures/golden-rules.md', import.meta.url));

const record = (box: Sandbox, domain: string, rule: string, ...more: string[]) =>
  json(elfDb(box, ['record', 'heuristic', '--domain', domain, '--rule', rule, '--json', ...more]));

describe('elf record heuristic deduplicates (built binary)', () => {
  it('reinforces a near-duplicate and says so; --force records a second one', async () => {
    const box = sandbox();
    const first = record(box, 'git', 'Never force-push to main');
    expect(first.merged_into).toBeNull();
    const again = elfDb(box, ['record', 'heuristic', '--domain', 'git', '--rule', 'never force push to main!']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toMatch(new RegExp(`^merged into #${first.id} \\(confidence 0\\.5 → 0\\.5\\d*\\)\\n$`));
    const third = record(box, 'git', 'Never force-push to MAIN.');
    expect(third).toMatchObject({ id: first.id, merged_into: first.id, times_validated: 2 });
    const forced = record(box, 'git', 'Never force-push to MAIN.', '--force');
    expect(forced.id).not.toBe(first.id);
    expect(forced.merged_into).toBeNull();
    const rows = (await dump(box)).heuristics.filter((h) => h.domain === 'git');
    expect(rows).toHaveLength(2);
  });
});

describe('elf heuristic retract|supersede|merge (built binary)', () => {
  it('retracts with a reason, and refuses unknown ids, a second retraction and bad ids', async () => {
    const box = sandbox();
    const h = record(box, 'database', 'Run migrations in parallel');
    const result = elfDb(box, ['heuristic', 'retract', String(h.id), '--reason', 'two migrations deadlock']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`retracted heuristic #${h.id} [database]: two migrations deadlock\n`);
    const stored = (await dump(box)).heuristics.find((r) => r.id === h.id);
    expect(stored).toMatchObject({ status: 'retracted', status_reason: 'two migrations deadlock' });
    expect((await dump(box)).audit.filter((a) => a.heuristic_id === h.id).map((a) => a.update_type)).toEqual([
      'retracted',
    ]);
    await refused(box, ['heuristic', 'retract', String(h.id), '--reason', 'again'], 'id', /already retracted/);
    await refused(box, ['heuristic', 'retract', '999', '--reason', 'x'], 'id', /no heuristic with id 999/);
    await refused(box, ['heuristic', 'retract', 'abc', '--reason', 'x'], 'id', /positive|integer/);
    await refused(box, ['heuristic', 'retract', '0', '--reason', 'x'], 'id', /integer/);
  });

  it('supersedes by another heuristic, and refuses superseding by itself', async () => {
    const box = sandbox();
    const old = record(box, 'git', 'Merge with --no-ff');
    const next = record(box, 'git', 'Rebase feature branches before merging');
    await refused(box, ['heuristic', 'supersede', String(old.id), '--by', String(old.id)], '--by', /itself/);
    await refused(box, ['heuristic', 'supersede', String(old.id), '--by', '999'], '--by', /no heuristic/);
    await refused(box, ['heuristic', 'supersede', String(old.id), '--by', 'x'], '--by', /integer/);
    const result = json(
      elfDb(box, ['heuristic', 'supersede', String(old.id), '--by', String(next.id), '--reason', 'linear', '--json']),
    );
    expect(result).toMatchObject({ id: old.id, status: 'superseded', superseded_by: next.id, status_reason: 'linear' });
    const text = elfDb(box, ['heuristic', 'supersede', String(next.id), '--by', String(old.id)]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^elf: --by: heuristic #\d+ is superseded/);
  });

  it('merges B into A with weighted confidence, audits both, and refuses other domains without --force', async () => {
    const box = sandbox();
    const a = record(box, 'api', 'Version every endpoint', '--confidence', '0.8');
    const b = record(box, 'api', 'Put a version in each URL path', '--confidence', '0.5');
    const store = await Elf.open({ path: box.db, projectPath: null });
    await store.db.updateTable('heuristics').set({ times_validated: 6 }).where('id', '=', a.id).execute();
    await store.db.updateTable('heuristics').set({ times_validated: 2 }).where('id', '=', b.id).execute();
    await store.close();
    const merged = elfDb(box, ['heuristic', 'merge', String(a.id), String(b.id)]);
    expect(merged).toMatchObject({ code: 0, stderr: '' });
    expect(merged.stdout).toBe(`merged #${b.id} into #${a.id} (confidence 0.8 → 0.725)\n`);
    const after = await dump(box);
    expect(after.heuristics.find((h) => h.id === a.id)).toMatchObject({ confidence: 0.725, times_validated: 8 });
    expect(after.heuristics.find((h) => h.id === b.id)).toMatchObject({ status: 'superseded', superseded_by: a.id });
    expect(after.audit.filter((x) => x.update_type === 'merged').map((x) => x.heuristic_id)).toEqual([a.id, b.id]);

    const c = record(box, 'ops', 'Tag every release');
    await refused(box, ['heuristic', 'merge', String(a.id), String(c.id)], 'from', /domain ops.*force/);
    await refused(box, ['heuristic', 'merge', String(a.id), String(a.id)], 'from', /itself/);
    await refused(box, ['heuristic', 'merge', '999', String(a.id)], 'keep', /no heuristic/);
    const forced = json(elfDb(box, ['heuristic', 'merge', String(a.id), String(c.id), '--force', '--json']));
    expect(forced).toMatchObject({ kept: { id: a.id, domain: 'api' }, merged: { id: c.id, superseded_by: a.id } });
  });
});

describe('elf decision supersede (built binary)', () => {
  it('supersedes a decision, and refuses itself and an unknown one', async () => {
    const box = sandbox();
    const decide = (title: string) =>
      json(
        elfDb(box, [
          'record',
          'decision',
          '--title',
          title,
          '--context',
          'c',
          '--decision',
          'd',
          '--rationale',
          'r',
          '--json',
        ]),
      );
    const old = decide('Use REST');
    const next = decide('Use GraphQL');
    await refused(box, ['decision', 'supersede', String(old.id), '--by', String(old.id)], '--by', /itself/);
    await refused(box, ['decision', 'supersede', '999', '--by', String(old.id)], 'id', /no decision/);
    const result = elfDb(box, [
      'decision',
      'supersede',
      String(old.id),
      '--by',
      String(next.id),
      '--reason',
      'one query per page',
    ]);
    expect(result).toMatchObject({ code: 0, stdout: `decision #${old.id} superseded by #${next.id}\n` });
    const listed = json(elfDb(box, ['--json', 'query', '--decisions', '--status', 'superseded']));
    expect(JSON.stringify(listed)).toContain('"status_reason":"one query per page"');
    await refused(box, ['decision', 'supersede', String(old.id), '--by', String(next.id)], 'id', /already superseded/);
    const search = elfDb(box, ['query', '--search', 'REST']);
    expect(search.stdout).toContain(`[superseded by #${next.id}]`);
  });
});

describe('retired heuristics in search and context (built binary)', () => {
  it('search marks them; context never injects a retracted one', () => {
    const box = sandbox();
    const wrong = record(box, 'database', 'Lock the orders table before every migration');
    const task = ['context', '--task', 'add a column to the orders table in a migration'];
    expect(elfDb(box, task).stdout).toContain('Lock the orders table');
    const old = record(box, 'database', 'Run orders migrations by hand');
    const next = record(box, 'database', 'Run orders migrations in CI only');
    elfDb(box, ['heuristic', 'retract', String(wrong.id), '--reason', 'it blocks checkout']);
    elfDb(box, ['heuristic', 'supersede', String(old.id), '--by', String(next.id)]);
    const search = elfDb(box, ['query', '--search', 'orders', '--limit', '20']);
    expect(search.stdout).toMatch(new RegExp(`#${wrong.id} .*\\[retracted: it blocks checkout\\]`));
    expect(search.stdout).toMatch(new RegExp(`#${old.id} .*\\[superseded by #${next.id}\\]`));
    const hits = json(elfDb(box, ['query', '--search', 'orders', '--json'])).hits;
    expect(hits.find((h: { id: number; kind: string }) => h.kind === 'heuristic' && h.id === wrong.id)).toMatchObject({
      detail: 'retracted',
      retired: 'retracted: it blocks checkout',
    });
    for (const args of [
      task,
      ['context', '--task', 'lock the orders table before every migration', '--format', 'json'],
    ]) {
      const context = elfDb(box, args);
      expect(context.code).toBe(0);
      expect(context.stdout).not.toContain('Lock the orders table');
      expect(context.stdout).not.toContain('by hand');
    }
  });
});

describe('elf golden import (built binary)', () => {
  it('makes a file’s rules golden: matches existing ones, creates the rest, and is idempotent', async () => {
    const box = sandbox();
    // Nearly the fixture's rule 4, not yet golden: the import makes this one golden.
    const twin = record(
      box,
      'database',
      'Take a database snapshot before any migration that drops or rewrites a table.',
      '--global',
    );
    const dry = elfDb(box, ['golden', 'import', goldenFixture, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(json(dry)).toMatchObject({ created: 2, updated: 2, unchanged: 0, dryRun: true });
    const before = await dump(box);
    expect(before.heuristics.filter((h) => h.is_golden === 1)).toHaveLength(8);

    const first = elfDb(box, ['golden', 'import', goldenFixture]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`${goldenFixture}: 2 created, 2 updated, 0 unchanged`);
    const after = await dump(box);
    const byRule = (start: string) => after.heuristics.find((h) => h.rule.startsWith(start));
    expect(byRule('Verify before claiming done')).toMatchObject({
      is_golden: 1,
      confidence: 0.95,
      explanation: 'An unverified "done" costs more than the check would have.',
    });
    expect(byRule('Never force-push')).toMatchObject({
      is_golden: 1,
      domain: 'git',
      category: 'git',
      confidence: 0.95,
      source_type: 'import',
      project_path: null,
      times_validated: 23,
    });
    expect(byRule('When a test fails in CI')).toMatchObject({
      domain: 'testing',
      confidence: 0.92,
      times_validated: 14,
    });
    expect(byRule('Take a database snapshot')).toMatchObject({ id: twin.id, is_golden: 1, category: 'core' });
    expect(after.audit.filter((a) => a.update_type === 'imported')).toHaveLength(4);

    const second = json(elfDb(box, ['golden', 'import', goldenFixture, '--json']));
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await dump(box)).toEqual(after);
  });

  it('refuses a file without rules, or no file, naming it', async () => {
    const box = sandbox();
    elfDb(box, ['query', '--stats']);
    const before = await dump(box);
    const empty = elfDb(box, ['golden', 'import', fileURLToPath(new URL('./support/run-elf.ts', import.meta.url))]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^elf: file: no golden rules in .*run-elf\.ts .*\n$/);
    const missing = elfDb(box, ['golden', 'import', 'nope.md']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^elf: file: no such file .*nope\.md\n$/);
    expect(await dump(box)).toEqual(before);
  });
});
