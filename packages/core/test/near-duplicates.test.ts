import { describe, expect, it } from 'vitest';
import { type Elf, findNearDuplicate, learnFromMarkers, retractHeuristic } from '../src/index.js';
import { auditRows, heuristicRows } from './support/heuristic-rows.js';
import { openTempElf } from './support/temp-elf.js';

const project = '/work/project';

describe('findNearDuplicate', () => {
  const near = (elf: Elf, rule: string, domain = 'testing', projectPath: string | null = project) =>
    findNearDuplicate(elf.db, { domain, rule, projectPath });

  it('matches the same rule up to case, punctuation and whitespace', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'testing', rule: 'Always run the tests before committing.' });
    const twin = await near(elf, '  always RUN the tests,  before committing! ');
    expect(twin).toMatchObject({ heuristic: { id: h.id }, match: 'same-text' });
  });

  it('matches a word-set Jaccard of 0.8 exactly, not below', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'testing', rule: 'pin all the versions' });
    expect(await near(elf, 'pin all the versions now')).toMatchObject({
      heuristic: { id: h.id },
      match: 'similar-words',
    });
    expect(await near(elf, 'pin all the versions right now')).toBeNull();
  });

  it('finds a rule containing ≥ 90 % of the shorter one’s words through the full-text index', async () => {
    const { elf } = await openTempElf();
    // More confident rules than the domain scan reads: only the full-text index can find the twin.
    const now = '2026-11-26T12:00:00.000Z';
    await elf.db
      .insertInto('heuristics')
      .values(
        Array.from({ length: 1005 }, (_, i) => ({
          domain: 'database',
          rule: `filler rule number ${i}`,
          confidence: 0.9,
          is_golden: 0,
          project_path: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const h = await elf.recordHeuristic({
      domain: 'database',
      rule: 'Run database migrations inside a transaction with a lock timeout',
      confidence: 0.2,
    });
    const longer = 'Always run database migrations inside a transaction with lock timeout set explicitly in production';
    expect(await near(elf, longer, 'database')).toMatchObject({ heuristic: { id: h.id }, match: 'contained' });
    // Three significant words are too few to call containment a duplicate.
    await elf.recordHeuristic({ domain: 'database', rule: 'Squash small commits' });
    expect(await near(elf, 'Squash small commits before any review please', 'database')).toBeNull();
  });

  it('ignores other domains, other projects, and retired heuristics', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({
      domain: 'testing',
      rule: 'Always run the tests before committing',
      scope: 'project',
    });
    expect(await near(elf, 'Always run the tests before committing', 'git')).toBeNull();
    expect(await near(elf, 'Always run the tests before committing', 'testing', '/work/other')).toBeNull();
    expect(await near(elf, 'Always run the tests before committing', 'testing', null)).toBeNull();
    const global = await elf.recordHeuristic({ domain: 'api', rule: 'Version every endpoint', project_path: null });
    expect(await near(elf, 'version every endpoint', 'api', '/work/other')).toMatchObject({
      heuristic: { id: global.id },
    });
    await retractHeuristic(elf.core, { id: h.id, reason: 'wrong' });
    expect(await near(elf, 'Always run the tests before committing')).toBeNull();
  });
});

describe('recordHeuristic deduplicates', () => {
  it('reinforces a near-duplicate instead of adding a twin; force adds one', async () => {
    const { elf } = await openTempElf();
    const first = await elf.recordHeuristic({ domain: 'git', rule: 'Never force-push to main' });
    expect(first.mergedInto).toBeUndefined();
    const again = await elf.recordHeuristic({ domain: 'git', rule: 'never force push to main!' });
    expect(again).toMatchObject({ id: first.id, mergedInto: first.id, previousConfidence: 0.5, times_validated: 1 });
    expect(again.confidence).toBeGreaterThan(0.5);
    expect(await heuristicRows(elf)).toHaveLength(1);
    expect((await auditRows(elf, first.id)).map((a) => [a.update_type, a.source, a.reason])).toEqual([
      ['validated', 'auto', 'recorded again: never force push to main!'],
    ]);
    const forced = await elf.recordHeuristic({ domain: 'git', rule: 'never force push to main!', force: true });
    expect(forced.id).not.toBe(first.id);
    expect(forced.mergedInto).toBeUndefined();
    expect(await heuristicRows(elf)).toHaveLength(2);
  });

  it('markers and recording agree on what a duplicate is', async () => {
    const { elf } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'testing', rule: 'Always run the tests before committing' });
    const captured = await learnFromMarkers(elf.core, {
      sessionId: 's1',
      markers: [{ kind: 'heuristic', domain: 'testing', text: 'always run the tests before committing!' }],
    });
    expect(captured).toEqual([{ kind: 'heuristic', id: h.id, action: 'reinforced' }]);
    const added = await learnFromMarkers(elf.core, {
      sessionId: 's1',
      markers: [{ kind: 'heuristic', domain: 'testing', text: 'Keep fixtures small and named for their case' }],
    });
    expect(added).toEqual([{ kind: 'heuristic', id: expect.any(Number), action: 'added' }]);
    expect(await heuristicRows(elf)).toHaveLength(2);
  });
});
