import { describe, expect, it } from 'vitest';
import { learnFromMarkers, listHeuristics, setHeuristicScope, setSetting } from '../src/index.js';
import { heuristicRow, heuristicRows, rejects } from './support/heuristic-rows.js';
import { openTempElf } from './support/temp-elf.js';

// Where a heuristic applies (project_path; null = global) is a choice; where it was learned
// (origin_path) is recorded either way.

const here = '/work/project';

describe('recording a heuristic', () => {
  it('is global by default, learned in the current project; scope project confines it there', async () => {
    const { elf } = await openTempElf();
    const general = await elf.recordHeuristic({ domain: 'git', rule: 'Rebase feature branches before merging' });
    expect(general).toMatchObject({ project_path: null, origin_path: here });
    const local = await elf.recordHeuristic({ domain: 'ci', rule: 'Deploy only from main', scope: 'project' });
    expect(local).toMatchObject({ project_path: here, origin_path: here });
    const given = await elf.recordHeuristic({ domain: 'ci', rule: 'Pin the runner image', origin_path: '/src/a' });
    expect(given).toMatchObject({ project_path: null, origin_path: '/src/a' });
    // Library callers may still name the project (or null = global) directly.
    const named = await elf.recordHeuristic({ domain: 'ci', rule: 'Cache the pnpm store', project_path: '/src/b' });
    expect(named).toMatchObject({ project_path: '/src/b', origin_path: here });
  });

  it('follows the record.default-scope setting unless a scope is given', async () => {
    const { elf } = await openTempElf();
    await setSetting(elf.core, 'record.default-scope', 'project');
    expect(await elf.recordHeuristic({ domain: 'git', rule: 'Sign release tags' })).toMatchObject({
      project_path: here,
      origin_path: here,
    });
    expect(await elf.recordHeuristic({ domain: 'git', rule: 'Squash fixup commits', scope: 'global' })).toMatchObject({
      project_path: null,
      origin_path: here,
    });
    await setSetting(elf.core, 'record.default-scope', 'global');
    expect((await elf.recordHeuristic({ domain: 'git', rule: 'Write imperative subjects' })).project_path).toBeNull();
  });

  it('outside any project: global, origin unknown; the setting cannot apply, an explicit project scope is refused', async () => {
    const { elf } = await openTempElf({ projectPath: null });
    await setSetting(elf.core, 'record.default-scope', 'project');
    expect(await elf.recordHeuristic({ domain: 'git', rule: 'Sign release tags' })).toMatchObject({
      project_path: null,
      origin_path: null,
    });
    await rejects(
      elf,
      () => elf.recordHeuristic({ domain: 'git', rule: 'Tag every release', scope: 'project' }),
      'INVALID_INPUT',
      /^scope: project needs a current project/,
    );
  });

  it('refuses a bad scope, and scope together with project_path, changing nothing', async () => {
    const { elf } = await openTempElf();
    await rejects(
      elf,
      () => elf.recordHeuristic({ domain: 'git', rule: 'r', scope: 'team' as 'global' }),
      'INVALID_INPUT',
      /^scope: must be one of global, project/,
    );
    await rejects(
      elf,
      () => elf.recordHeuristic({ domain: 'git', rule: 'r', scope: 'global', project_path: '/x' }),
      'INVALID_INPUT',
      /^scope: give scope or project_path, not both/,
    );
    await rejects(
      elf,
      () => setSetting(elf.core, 'record.default-scope', 'team'),
      'INVALID_INPUT',
      'record.default-scope: must be global or project, got "team"',
    );
  });

  it('compares a new rule with the twins in its own scope: a global rule is never folded into a project one', async () => {
    const { elf } = await openTempElf();
    const local = await elf.recordHeuristic({ domain: 'git', rule: 'Never force-push to main', scope: 'project' });
    const global = await elf.recordHeuristic({ domain: 'git', rule: 'never force push to main!' });
    expect(global.mergedInto).toBeUndefined();
    expect(global).toMatchObject({ project_path: null });
    const again = await elf.recordHeuristic({ domain: 'git', rule: 'Never force-push to MAIN', scope: 'project' });
    expect(again.mergedInto).toBeDefined();
    expect([local.id, global.id]).toContain(again.mergedInto);
    expect(await heuristicRows(elf)).toHaveLength(2);
  });
});

describe('where heuristics apply', () => {
  it('a global rule applies in every project, a project rule only in its own', async () => {
    const { elf, path } = await openTempElf();
    const general = await elf.recordHeuristic({ domain: 'git', rule: 'Rebase feature branches before merging' });
    const local = await elf.recordHeuristic({ domain: 'ci', rule: 'Deploy only from main', scope: 'project' });
    expect((await listHeuristics(elf.core)).map((h) => h.id)).toEqual([general.id, local.id]);
    const { elf: elsewhere } = await openTempElf({ path, projectPath: '/work/other' });
    expect((await listHeuristics(elsewhere.core)).map((h) => h.id)).toEqual([general.id]);
    await elsewhere.close();
  });
});

describe('[LEARNED] markers', () => {
  const marker = (text: string) => [{ kind: 'heuristic' as const, domain: 'testing', text }];

  it('become global heuristics learned here, or project ones when the setting says so', async () => {
    const { elf } = await openTempElf();
    const [added] = await learnFromMarkers(elf.core, {
      sessionId: 's1',
      markers: marker('Keep fixtures small and named for their case'),
    });
    expect(await heuristicRow(elf, added?.id ?? 0)).toMatchObject({
      project_path: null,
      origin_path: here,
      confidence: 0.5,
    });
    await setSetting(elf.core, 'record.default-scope', 'project');
    const [scoped] = await learnFromMarkers(elf.core, {
      sessionId: 's1',
      markers: marker('Reset the clock between tests'),
    });
    expect(await heuristicRow(elf, scoped?.id ?? 0)).toMatchObject({ project_path: here, origin_path: here });
  });

  it('reinforce what applies here (this project’s rules too), not another project’s', async () => {
    const { elf, path } = await openTempElf();
    const local = await elf.recordHeuristic({ domain: 'testing', rule: 'Run the smoke tests first', scope: 'project' });
    const captured = await learnFromMarkers(elf.core, {
      sessionId: 's1',
      markers: marker('run the smoke tests first!'),
    });
    expect(captured).toEqual([{ kind: 'heuristic', id: local.id, action: 'reinforced' }]);
    const { elf: elsewhere } = await openTempElf({ path, projectPath: '/work/other' });
    const there = await learnFromMarkers(elsewhere.core, {
      sessionId: 's2',
      markers: marker('run the smoke tests first!'),
    });
    expect(there).toEqual([{ kind: 'heuristic', id: expect.any(Number), action: 'added' }]);
    expect(await heuristicRow(elsewhere, there[0]?.id ?? 0)).toMatchObject({
      project_path: null,
      origin_path: '/work/other',
    });
    await elsewhere.close();
  });
});

describe('setHeuristicScope', () => {
  it('confines a rule to the project it was learned in and makes it global again', async () => {
    const { elf, path } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'ci', rule: 'Deploy only from main' });
    // From another project, "project" still means where the rule was learned.
    const { elf: elsewhere } = await openTempElf({ path, projectPath: '/work/other' });
    const confined = await elsewhere.setHeuristicScope(h.id, 'project');
    await elsewhere.close();
    expect(confined).toMatchObject({
      heuristic: { id: h.id, project_path: here, origin_path: here },
      previousProjectPath: null,
      changed: true,
    });
    const same = await setHeuristicScope(elf.core, { id: h.id, scope: 'project' });
    expect(same).toMatchObject({ changed: false, previousProjectPath: here });
    const freed = await elf.setHeuristicScope(h.id, 'global');
    expect(freed).toMatchObject({ heuristic: { project_path: null, origin_path: here }, previousProjectPath: here });
    const row = await heuristicRow(elf, h.id);
    expect(row).toMatchObject({ rule: 'Deploy only from main', confidence: 0.5, status: 'active' });
  });

  it('scopes a rule of unknown origin to the current project; refuses bad ids, scopes, and no project', async () => {
    const { elf } = await openTempElf();
    const imported = await elf.recordHeuristic({ domain: 'git', rule: 'Sign tags', origin_path: null });
    expect((await elf.setHeuristicScope(imported.id, 'project')).heuristic).toMatchObject({
      project_path: here,
      origin_path: null,
    });
    await elf.setHeuristicScope(imported.id, 'global');
    await rejects(elf, () => elf.setHeuristicScope(999, 'global'), 'NOT_FOUND', 'id: no heuristic with id 999');
    await rejects(
      elf,
      () => elf.setHeuristicScope(imported.id, 'sideways' as 'global'),
      'INVALID_INPUT',
      /^scope: must be one of global, project/,
    );
    const { elf: nowhere } = await openTempElf({ path: elf.path, projectPath: null });
    await rejects(
      nowhere,
      () => nowhere.setHeuristicScope(imported.id, 'project'),
      'INVALID_INPUT',
      /^scope: heuristic #\d+ has no recorded origin and no project is open/,
    );
    await nowhere.close();
  });
});
