import { describe, expect, it } from 'vitest';
import { openTempElf } from './support/temp-elf.js';

describe('query by domain', () => {
  it('returns global and this project’s heuristics, not another project’s (the original’s A/B/C case)', async () => {
    const { elf } = await openTempElf({ projectPath: '/work/project' });
    const a = await elf.recordHeuristic({ domain: 'testing', rule: 'A global', project_path: null });
    const b = await elf.recordHeuristic({ domain: 'testing', rule: 'B this project', scope: 'project' });
    await elf.recordHeuristic({ domain: 'testing', rule: 'C other project', project_path: '/work/other' });
    const result = await elf.queryByDomain({ domain: 'testing' });
    expect(result.heuristics.map((h) => h.id).sort((x, y) => x - y)).toEqual([a.id, b.id]);
  });

  it('orders heuristics by confidence, then times validated; learnings newest first', async () => {
    const { elf, clock } = await openTempElf();
    const low = await elf.recordHeuristic({ domain: 'api', rule: 'low', confidence: 0.3 });
    const high = await elf.recordHeuristic({ domain: 'api', rule: 'high', confidence: 0.9 });
    const tied = await elf.recordHeuristic({ domain: 'api', rule: 'tied, more validated', confidence: 0.9 });
    await elf.db.updateTable('heuristics').set({ times_validated: 7 }).where('id', '=', tied.id).execute();
    const old = await elf.recordLearning({ type: 'failure', title: 'old', domain: 'api' });
    clock.advanceDays(1);
    const recent = await elf.recordLearning({ type: 'failure', title: 'recent', domain: 'api' });
    const result = await elf.queryByDomain({ domain: 'API' });
    expect(result.heuristics.map((h) => h.id)).toEqual([tied.id, high.id, low.id]);
    expect(result.learnings.map((l) => l.id)).toEqual([recent.id, old.id]);
    expect(result.count).toEqual({ heuristics: 3, learnings: 2 });
  });

  it('pages with limit and offset and leaves out retired heuristics', async () => {
    const { elf } = await openTempElf();
    for (let i = 0; i < 5; i++) await elf.recordHeuristic({ domain: 'ui', rule: `rule ${i}`, confidence: i / 10 });
    const retired = await elf.recordHeuristic({ domain: 'ui', rule: 'retired', confidence: 0.99 });
    await elf.db.updateTable('heuristics').set({ status: 'retracted' }).where('id', '=', retired.id).execute();
    const first = await elf.queryByDomain({ domain: 'ui', limit: 2 });
    const second = await elf.queryByDomain({ domain: 'ui', limit: 2, offset: first.page.nextOffset ?? 0 });
    const third = await elf.queryByDomain({ domain: 'ui', limit: 2, offset: 4 });
    expect(first.heuristics.map((h) => h.rule)).toEqual(['rule 4', 'rule 3']);
    expect(second.heuristics.map((h) => h.rule)).toEqual(['rule 2', 'rule 1']);
    expect(third.heuristics.map((h) => h.rule)).toEqual(['rule 0']);
    expect(third.page.nextOffset).toBeNull();
  });

  it.each([0, 1001, 'ten'])('rejects limit %s', async (limit) => {
    const { elf } = await openTempElf();
    await expect(elf.queryByDomain({ domain: 'ui', limit })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'limit',
    });
  });
});

describe('query by tags', () => {
  it('matches whole tags, never substrings, newest first', async () => {
    const { elf, clock } = await openTempElf();
    const react = await elf.recordLearning({ type: 'failure', title: 'stale closure', domain: 'ui', tags: 'react' });
    clock.advanceDays(1);
    await elf.recordLearning({ type: 'failure', title: 'hook order', domain: 'ui', tags: 'react-hooks' });
    const both = await elf.recordLearning({ type: 'success', title: 'memo', domain: 'ui', tags: 'react,perf' });
    const result = await elf.queryByTags({ tags: 'React' });
    expect(result.learnings.map((l) => l.id)).toEqual([both.id, react.id]);
    const any = await elf.queryByTags({ tags: ['perf', 'react-hooks'] });
    expect(any.learnings).toHaveLength(2);
  });

  it('requires at least one tag', async () => {
    const { elf } = await openTempElf();
    await expect(elf.queryByTags({ tags: ' , ' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'tags' });
  });
});

describe('recent learnings', () => {
  it('keeps the last N days (default 7), optionally one type', async () => {
    const { elf, clock } = await openTempElf();
    await elf.recordLearning({ type: 'failure', title: 'ten days ago', domain: 'ops' });
    clock.advanceDays(7);
    const failure = await elf.recordLearning({ type: 'failure', title: 'three days ago', domain: 'ops' });
    const success = await elf.recordLearning({ type: 'success', title: 'also three days ago', domain: 'ops' });
    clock.advanceDays(3);
    const week = await elf.queryRecent();
    expect(week.learnings.map((l) => l.id).sort((x, y) => x - y)).toEqual([failure.id, success.id]);
    expect((await elf.queryRecent({ days: 2 })).learnings).toEqual([]);
    expect((await elf.queryRecent({ days: 30 })).learnings).toHaveLength(3);
    expect((await elf.queryRecent({ type: 'success' })).learnings.map((l) => l.id)).toEqual([success.id]);
  });
});

describe('golden rules', () => {
  it('lists active golden rules that apply here, most validated first, optionally by category', async () => {
    const { elf } = await openTempElf();
    const make = async (rule: string, validated: number, category: string | null, extra = {}) => {
      const h = await elf.recordHeuristic({ domain: 'core', rule, category, project_path: null });
      await elf.db
        .updateTable('heuristics')
        .set({ is_golden: 1, times_validated: validated, ...extra })
        .where('id', '=', h.id)
        .execute();
      return h.id;
    };
    const a = await make('Query before acting', 12, 'core');
    const b = await make('Record failures immediately', 30, 'process');
    await make('Retired rule', 99, 'core', { status: 'retracted' });
    await make('Other project rule', 50, 'core', { project_path: '/elsewhere' });
    await elf.recordHeuristic({ domain: 'core', rule: 'not golden', project_path: null });
    expect((await elf.goldenRules()).rules.map((r) => r.id)).toEqual([b, a]);
    expect((await elf.goldenRules({ categories: 'core' })).rules.map((r) => r.id)).toEqual([a]);
  });
});

describe('other knowledge', () => {
  it('filters decisions by status and by domain (keeping those for every domain)', async () => {
    const { elf } = await openTempElf();
    const d = { context: 'c', decision: 'd', rationale: 'r' };
    const db = await elf.recordDecision({ ...d, title: 'db', domain: 'database' });
    const all = await elf.recordDecision({ ...d, title: 'all' });
    await elf.recordDecision({ ...d, title: 'ui', domain: 'ui' });
    await elf.recordDecision({ ...d, title: 'proposed', domain: 'database', status: 'proposed' });
    const result = await elf.decisions({ domain: 'database' });
    expect(result.decisions.map((x) => x.id).sort((x, y) => x - y)).toEqual([db.id, all.id]);
    expect((await elf.decisions({ status: 'proposed' })).decisions.map((x) => x.title)).toEqual(['proposed']);
  });

  it('filters invariants by status, scope and severity', async () => {
    const { elf } = await openTempElf();
    const error = await elf.recordInvariant({ statement: 'a', rationale: 'r', scope: 'module' });
    await elf.recordInvariant({ statement: 'b', rationale: 'r', severity: 'info' });
    expect((await elf.invariants({ scope: 'module' })).invariants.map((i) => i.id)).toEqual([error.id]);
    expect((await elf.invariants({ severity: 'info' })).invariants.map((i) => i.statement)).toEqual(['b']);
    expect((await elf.invariants({ status: 'violated' })).invariants).toEqual([]);
  });

  it('orders assumptions by confidence with a minimum', async () => {
    const { elf } = await openTempElf();
    await elf.recordAssumption({ assumption: 'weak', confidence: 0.2 });
    await elf.recordAssumption({ assumption: 'strong', confidence: 0.9 });
    await elf.recordAssumption({ assumption: 'fair', confidence: 0.6 });
    const result = await elf.assumptions({ min_confidence: 0.6 });
    expect(result.assumptions.map((a) => a.assumption)).toEqual(['strong', 'fair']);
  });

  it('finds spike reports by domain, exact tag and text', async () => {
    const { elf } = await openTempElf();
    const s = { topic: 't', question: 'q' };
    const wal = await elf.recordSpikeReport({
      ...s,
      title: 'WAL',
      findings: 'checkpoint starvation',
      domain: 'database',
      tags: 'sqlite',
    });
    await elf.recordSpikeReport({ ...s, title: 'CSS', findings: 'grid', domain: 'ui', tags: 'sqlite-ui' });
    expect((await elf.spikeReports({ domain: 'database' })).spikeReports.map((x) => x.id)).toEqual([wal.id]);
    expect((await elf.spikeReports({ tags: 'sqlite' })).spikeReports.map((x) => x.id)).toEqual([wal.id]);
    expect((await elf.spikeReports({ search: 'starvation' })).spikeReports.map((x) => x.id)).toEqual([wal.id]);
    expect((await elf.spikeReports({ search: 'the of and' })).spikeReports).toEqual([]);
  });

  it('lists experiments and CEO reviews by status', async () => {
    const { elf } = await openTempElf();
    await elf.recordExperiment({ name: 'e1', hypothesis: 'h' });
    await elf.recordCeoReview({ title: 'r1' });
    expect((await elf.experiments()).experiments.map((e) => e.name)).toEqual(['e1']);
    expect((await elf.experiments({ status: 'completed' })).experiments).toEqual([]);
    expect((await elf.ceoReviews()).ceoReviews.map((r) => r.title)).toEqual(['r1']);
    expect((await elf.ceoReviews({ status: 'approved' })).ceoReviews).toEqual([]);
  });

  it('summarises violations of the last 7 days with the 3/5/10 levels', async () => {
    const { elf, clock } = await openTempElf();
    const rule = await elf.recordHeuristic({ domain: 'core', rule: 'Verify before claiming done' });
    // A golden rule has a record of holding up: broken 10 times, it is demoted but not proven wrong.
    await elf.db.updateTable('heuristics').set({ is_golden: 1, times_validated: 20 }).execute();
    await elf.recordViolation({ rule_id: rule.id, rule_name: 'Verify' });
    clock.advanceDays(8);
    expect((await elf.violations()).level).toBe('normal');
    for (let i = 0; i < 3; i++) await elf.recordViolation({ rule_id: rule.id, rule_name: 'Verify' });
    expect(await elf.violations()).toMatchObject({ total: 3, level: 'warning', unacknowledged: 3 });
    for (let i = 0; i < 2; i++) await elf.recordViolation({ rule_id: rule.id, rule_name: 'Verify' });
    expect((await elf.violations()).level).toBe('probation');
    for (let i = 0; i < 5; i++) await elf.recordViolation({ rule_id: rule.id, rule_name: 'Verify' });
    const critical = await elf.violations({ limit: 3 });
    expect(critical).toMatchObject({ total: 10, level: 'critical', by_rule: [{ rule_id: rule.id, count: 10 }] });
    expect(critical.violations).toHaveLength(3);
    expect((await elf.violations({ days: 30 })).total).toBe(11);
  });

  it('reads one learning or heuristic by id, NOT_FOUND otherwise', async () => {
    const { elf } = await openTempElf();
    const l = await elf.recordLearning({ type: 'failure', title: 't', domain: 'd' });
    expect((await elf.getLearning(l.id)).title).toBe('t');
    await expect(elf.getHeuristic(77)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
