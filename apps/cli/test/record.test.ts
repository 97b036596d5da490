import { Elf } from '@elf/core';
import { describe, expect, it } from 'vitest';
import { counts, elfDb, json, sandbox } from './support/run-elf.js';

describe('elf record (built binary)', () => {
  it.each(['failure', 'success', 'observation'])('records a %s and prints its id', (type) => {
    const box = sandbox();
    const result = elfDb(box, [
      'record',
      type,
      '--title',
      'Cache stampede',
      '--domain',
      'Perf',
      '--severity',
      'high',
      '--tags',
      'cache,Redis',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`recorded ${type} #1 [perf]\n`);
    const stored = json(elfDb(box, ['query', '--domain', 'perf', '--json'])).learnings[0];
    expect(stored).toMatchObject({ type, title: 'Cache stampede', severity: 4, tags: ['cache', 'redis'] });
  });

  it('prints the stored record with --json, before or after the command', () => {
    const box = sandbox();
    const before = json(
      elfDb(box, ['--json', 'record', 'heuristic', '--domain', 'git', '--rule', 'Never force-push main']),
    );
    const after = json(
      elfDb(box, ['record', 'heuristic', '--domain', 'git', '--rule', 'Rebase before merging', '--json']),
    );
    expect(before).toMatchObject({ domain: 'git', rule: 'Never force-push main', confidence: 0.5, is_golden: false });
    expect(before.token_count).toBeGreaterThan(0);
    expect(after.id).toBe(before.id + 1);
  });

  it('records a heuristic global unless --project, keeping where it was learned either way', () => {
    const box = sandbox();
    const here = box.dir.replace(/\/$/, '');
    const plain = json(elfDb(box, ['record', 'heuristic', '--domain', 'x', '--rule', 'r', '--json']));
    const global = json(elfDb(box, ['record', 'heuristic', '--domain', 'x', '--rule', 'g', '--global', '--json']));
    const scoped = json(elfDb(box, ['record', 'heuristic', '--domain', 'x', '--rule', 'p', '--project', '--json']));
    expect(plain).toMatchObject({ project_path: null, origin_path: here });
    expect(global).toMatchObject({ project_path: null, origin_path: here });
    expect(scoped).toMatchObject({ project_path: here, origin_path: here });
  });

  it('records every other knowledge type', () => {
    const box = sandbox();
    const ok = (args: string[]) => {
      const result = elfDb(box, ['record', ...args, '--json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return json(result);
    };
    ok([
      'decision',
      '--title',
      'Use WAL',
      '--context',
      'c',
      '--decision',
      'd',
      '--rationale',
      'r',
      '--options',
      'o',
      '--domain',
      'db',
    ]);
    ok(['assumption', '--assumption', 'CI has 2 cores', '--confidence', 'medium', '--domain', 'ci']);
    ok([
      'invariant',
      '--statement',
      'Hooks exit 0',
      '--rationale',
      'never block',
      '--scope',
      'runtime',
      '--severity',
      'warning',
    ]);
    ok([
      'spike',
      '--title',
      'T',
      '--topic',
      'tp',
      '--question',
      'q',
      '--findings',
      'f',
      '--minutes',
      '30',
      '--tags',
      'a',
    ]);
    const experiment = ok(['experiment', '--name', 'wal', '--hypothesis', 'faster']);
    expect(ok(['cycle', '--experiment-id', String(experiment.id), '--try', 'bench']).cycle_number).toBe(1);
    ok(['review', '--title', 'Ship it?']);
    expect(counts(box)).toMatchObject({
      decisions: 1,
      assumptions: 1,
      invariants: 1,
      spikes: 1,
      experiments: 1,
      reviews: 1,
    });
  });

  it('records a violation of a golden rule, and refuses one of an unknown or ordinary rule', async () => {
    const box = sandbox();
    const rule = json(
      elfDb(box, ['record', 'heuristic', '--domain', 'core', '--rule', 'Verify first', '--global', '--json']),
    );
    const ordinary = elfDb(box, ['record', 'violation', '--rule-id', String(rule.id), '--rule-name', 'Verify first']);
    expect(ordinary.code).toBe(1);
    expect(ordinary.stderr).toMatch(/^elf: --rule-id: heuristic \d+ is not a golden rule\n$/);
    // Promotion belongs to the knowledge lifecycle; here the rule is made golden directly.
    const store = await Elf.open({ path: box.db, projectPath: null });
    await store.db.updateTable('heuristics').set({ is_golden: 1 }).where('id', '=', rule.id).execute();
    await store.close();
    const recorded = elfDb(box, [
      'record',
      'violation',
      '--rule-id',
      String(rule.id),
      '--rule-name',
      'Verify first',
      '--json',
    ]);
    expect(recorded.code).toBe(0);
    expect(json(recorded)).toMatchObject({ rule_id: rule.id, acknowledged: false });
    const missing = elfDb(box, ['record', 'violation', '--rule-id', '999', '--rule-name', 'x']);
    expect(missing).toMatchObject({ code: 1, stderr: 'elf: --rule-id: no heuristic with id 999\n' });
    expect(json(elfDb(box, ['query', '--violations', '--json']))).toMatchObject({ total: 1, level: 'normal' });
  });
});
