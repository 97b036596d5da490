import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { elf, elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  const run = (args: string[]) => expect(elfDb(box, args).code).toBe(0);
  run(['record', 'failure', '--title', 'Deadlock in migration', '--domain', 'database', '--tags', 'sqlite,locking']);
  run(['record', 'success', '--title', 'Batched inserts, "fast"', '--domain', 'database', '--tags', 'sqlite']);
  run(['record', 'observation', '--title', 'Runner has 2 cores', '--domain', 'ci', '--tags', 'ci']);
  run(['record', 'heuristic', '--domain', 'database', '--rule', 'Use IMMEDIATE transactions', '--confidence', 'high']);
  run(['record', 'heuristic', '--domain', 'database', '--rule', 'Index foreign keys', '--confidence', 'low']);
});

describe('elf query (built binary)', () => {
  it('--domain prints heuristics by confidence and learnings newest first', () => {
    const result = elfDb(box, ['query', '--domain', 'database']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Domain: database');
    expect(result.stdout.indexOf('Use IMMEDIATE')).toBeLessThan(result.stdout.indexOf('Index foreign keys'));
    expect(result.stdout.indexOf('Batched inserts')).toBeLessThan(result.stdout.indexOf('Deadlock'));
    expect(result.stdout).not.toContain('\u001b');
  });

  it('--format json, --json and --format csv', () => {
    const viaFormat = json(elfDb(box, ['query', '--domain', 'database', '--format', 'json']));
    const viaFlag = json(elfDb(box, ['query', '--domain', 'database', '--json']));
    expect(viaFormat.heuristics).toHaveLength(2);
    expect(viaFlag.learnings.map((l: { title: string }) => l.title)).toEqual(
      viaFormat.learnings.map((l: { title: string }) => l.title),
    );
    const csv = elfDb(box, ['query', '--tags', 'sqlite', '--format', 'csv']).stdout.trimEnd().split('\r\n');
    expect(csv[0]?.split(',').slice(0, 3)).toEqual(['id', 'type', 'filepath']);
    expect(csv).toHaveLength(3);
    expect(csv.some((line) => line.includes('"Batched inserts, ""fast"""'))).toBe(true);
  });

  it('--tags matches whole tags; --recent keeps a window; --search ranks', () => {
    expect(json(elfDb(box, ['query', '--tags', 'sqlite', '--json'])).learnings).toHaveLength(2);
    expect(json(elfDb(box, ['query', '--tags', 'sql', '--json'])).learnings).toHaveLength(0);
    expect(
      json(elfDb(box, ['query', '--recent', '--days', '1', '--type', 'failure', '--json'])).learnings,
    ).toHaveLength(1);
    const hits = json(elfDb(box, ['query', '--search', 'deadlock migrations', '--json'])).hits;
    expect(hits[0]).toMatchObject({ kind: 'learning', title: 'Deadlock in migration' });
  });

  it('--limit and --offset page through results', () => {
    const first = json(elfDb(box, ['query', '--tags', 'sqlite', '--limit', '1', '--json']));
    const second = json(elfDb(box, ['query', '--tags', 'sqlite', '--limit', '1', '--offset', '1', '--json']));
    expect(first.learnings).toHaveLength(1);
    expect(second.learnings).toHaveLength(1);
    expect(first.learnings[0].id).not.toBe(second.learnings[0].id);
    expect(first.page.nextOffset).toBe(1);
  });

  it('--stats reports counts and query telemetry', () => {
    const stats = json(elfDb(box, ['query', '--stats', '--json']));
    // 8 starter golden rules come with every new database.
    expect(stats).toMatchObject({ total_learnings: 3, total_heuristics: 10, golden_heuristics: 8, violations_7d: 0 });
    expect(stats.total_queries).toBeGreaterThanOrEqual(0);
    const text = elfDb(box, ['query', '--stats']).stdout;
    expect(text).toMatch(/^learnings: 3 \(/);
    expect(text).toMatch(/queries: \d+ total/);
  });

  it.each([
    '--golden-rules',
    '--decisions',
    '--invariants',
    '--assumptions',
    '--spikes',
    '--experiments',
    '--ceo-reviews',
    '--violations',
  ])('%s runs on an empty list', (flag) => {
    const result = elfDb(box, ['query', flag]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(json(elfDb(box, ['query', flag, '--json']))).toBeTypeOf('object');
  });
});

describe('global behaviour', () => {
  it('uses $ELF_HOME/elf.db, and ~/.elf/elf.db without ELF_HOME', () => {
    const custom = join(box.dir, 'custom-home');
    expect(elf(box, ['init'], { env: { ELF_HOME: custom } }).code).toBe(0);
    expect(existsSync(join(custom, 'elf.db'))).toBe(true);
    const init = json(elf(box, ['init', '--json']));
    expect(init.path).toBe(join(box.home, '.elf', 'elf.db'));
    expect(existsSync(init.path)).toBe(true);
  });

  it('init is idempotent and reports the path and schema version', () => {
    const first = elf(box, ['init', '--db', join(box.dir, 'new.db')]);
    expect(first.stdout).toMatch(
      /^created: .*new\.db\nschema version: \d+\ngolden rules: 8 \(starters; retract or edit them freely\)\n$/,
    );
    const again = json(elf(box, ['init', '--db', join(box.dir, 'new.db'), '--json']));
    expect(again).toMatchObject({ created: false, schema_version: expect.any(Number) });
  });

  it('--version prints the version; --help works on every command', () => {
    expect(elf(box, ['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const commands = [
      [],
      ['init'],
      ['record'],
      ['query'],
      ['validate'],
      ...[
        'failure',
        'success',
        'observation',
        'heuristic',
        'decision',
        'assumption',
        'invariant',
        'spike',
        'violation',
        'experiment',
        'cycle',
        'review',
      ].map((type) => ['record', type]),
    ];
    for (const command of commands) {
      const result = elf(box, [...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Usage: elf/);
    }
    expect(elf(box, []).stdout).toMatch(/^Usage: elf/);
  });
});
