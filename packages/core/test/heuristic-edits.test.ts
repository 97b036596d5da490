import { describe, expect, it } from 'vitest';
import {
  type Elf,
  mergedConfidence,
  mergeHeuristics,
  retractHeuristic,
  supersedeDecision,
  supersedeHeuristic,
} from '../src/index.js';
import { auditRows, rejects } from './support/heuristic-rows.js';
import { openTempElf } from './support/temp-elf.js';

const setCounters = (elf: Elf, id: number, values: { confidence: number; times_validated: number }) =>
  elf.db.updateTable('heuristics').set(values).where('id', '=', id).execute();

describe('retractHeuristic', () => {
  it('retracts with reason and time, audits it, and refuses a second retraction', async () => {
    const { elf, clock } = await openTempElf();
    const h = await elf.recordHeuristic({ domain: 'git', rule: 'Rebase public branches' });
    clock.advanceDays(1);
    const retracted = await retractHeuristic(elf.core, { id: h.id, reason: 'rewrites shared history' });
    expect(retracted).toMatchObject({
      status: 'retracted',
      status_reason: 'rewrites shared history',
      status_changed_at: '2026-11-27T12:00:00.000Z',
      confidence: 0.5,
    });
    expect((await auditRows(elf, h.id)).map((a) => [a.update_type, a.source, a.reason, a.delta])).toEqual([
      ['retracted', 'manual', 'rewrites shared history', 0],
    ]);
    await rejects(
      elf,
      () => retractHeuristic(elf.core, { id: h.id, reason: 'again' }),
      'INVALID_INPUT',
      `id: heuristic #${h.id} is already retracted`,
    );
    await rejects(elf, () => retractHeuristic(elf.core, { id: 999, reason: 'x' }), 'NOT_FOUND', /^id: /);
    const other = await elf.recordHeuristic({ domain: 'git', rule: 'Sign your commits' });
    await rejects(elf, () => retractHeuristic(elf.core, { id: other.id } as never), 'INVALID_INPUT', /^reason: /);
    await rejects(
      elf,
      () => retractHeuristic(elf.core, { id: other.id, reason: 'r'.repeat(2001) }),
      'INVALID_INPUT',
      /^reason: must be at most 2000/,
    );
  });
});

describe('supersedeHeuristic', () => {
  it('supersedes by an active heuristic, audits the old one, and refuses bad pairs', async () => {
    const { elf } = await openTempElf();
    const old = await elf.recordHeuristic({ domain: 'git', rule: 'Merge with --no-ff' });
    const next = await elf.recordHeuristic({ domain: 'git', rule: 'Rebase feature branches before merging' });
    await rejects(
      elf,
      () => supersedeHeuristic(elf.core, { id: old.id, by: old.id }),
      'INVALID_INPUT',
      /^by: .*itself/,
    );
    await rejects(elf, () => supersedeHeuristic(elf.core, { id: old.id, by: 999 }), 'NOT_FOUND', /^by: /);
    await rejects(elf, () => supersedeHeuristic(elf.core, { id: 999, by: old.id }), 'NOT_FOUND', /^id: /);
    const done = await supersedeHeuristic(elf.core, { id: old.id, by: next.id, reason: 'linear history' });
    expect(done).toMatchObject({ status: 'superseded', superseded_by: next.id, status_reason: 'linear history' });
    expect((await auditRows(elf, old.id)).map((a) => [a.update_type, a.reason])).toEqual([
      ['superseded', `superseded by #${next.id}: linear history`],
    ]);
    await rejects(
      elf,
      () => supersedeHeuristic(elf.core, { id: old.id, by: next.id }),
      'INVALID_INPUT',
      `id: heuristic #${old.id} is already superseded`,
    );
    const third = await elf.recordHeuristic({ domain: 'git', rule: 'Squash fixups before review' });
    await rejects(
      elf,
      () => supersedeHeuristic(elf.core, { id: third.id, by: old.id }),
      'INVALID_INPUT',
      /^by: heuristic #\d+ is superseded/,
    );
  });
});

describe('mergeHeuristics', () => {
  it('weights confidence by validations, sums counters, keeps golden standing, supersedes the other', async () => {
    const { elf } = await openTempElf();
    const a = await elf.recordHeuristic({ domain: 'api', rule: 'Version every endpoint' });
    const b = await elf.recordHeuristic({ domain: 'api', rule: 'Put a version in each URL path', category: 'core' });
    await setCounters(elf, a.id, { confidence: 0.8, times_validated: 6 });
    await setCounters(elf, b.id, { confidence: 0.5, times_validated: 2 });
    await elf.db.updateTable('heuristics').set({ is_golden: 1, times_violated: 1 }).where('id', '=', b.id).execute();
    const r = await mergeHeuristics(elf.core, { keep: a.id, from: b.id });
    expect(r.oldConfidence).toBe(0.8);
    expect(r.kept).toMatchObject({
      id: a.id,
      confidence: 0.725,
      times_validated: 8,
      times_violated: 1,
      is_golden: true,
      category: 'core',
      status: 'active',
    });
    expect(r.merged).toMatchObject({
      id: b.id,
      status: 'superseded',
      superseded_by: a.id,
      status_reason: `merged into #${a.id}`,
    });
    const audit = await auditRows(elf);
    expect(audit.map((x) => [x.heuristic_id, x.update_type, x.old_confidence, x.new_confidence, x.reason])).toEqual([
      [a.id, 'promoted', 0.8, 0.8, `golden rule #${b.id} was merged into it`],
      [a.id, 'merged', 0.8, 0.725, `merged #${b.id} (Put a version in each URL path)`],
      [b.id, 'merged', 0.5, 0.5, `merged into #${a.id}`],
    ]);
    await rejects(
      elf,
      () => mergeHeuristics(elf.core, { keep: a.id, from: b.id }),
      'INVALID_INPUT',
      /^from: heuristic #\d+ is superseded/,
    );
  });

  it('uses the plain mean without validations, and refuses itself, unknown ids and other domains unless forced', async () => {
    expect(mergedConfidence({ confidence: 0.8, times_validated: 6 }, { confidence: 0.5, times_validated: 2 })).toBe(
      0.725,
    );
    expect(mergedConfidence({ confidence: 0.6, times_validated: 0 }, { confidence: 0.3, times_validated: 0 })).toBe(
      0.45,
    );
    const { elf } = await openTempElf();
    const a = await elf.recordHeuristic({ domain: 'api', rule: 'Version every endpoint', confidence: 0.6 });
    const b = await elf.recordHeuristic({ domain: 'ops', rule: 'Tag every release', confidence: 0.3 });
    await rejects(elf, () => mergeHeuristics(elf.core, { keep: a.id, from: a.id }), 'INVALID_INPUT', /^from: /);
    await rejects(elf, () => mergeHeuristics(elf.core, { keep: 999, from: a.id }), 'NOT_FOUND', /^keep: /);
    await rejects(
      elf,
      () => mergeHeuristics(elf.core, { keep: a.id, from: b.id }),
      'INVALID_INPUT',
      /^from: heuristic #\d+ is in domain ops, #\d+ in api/,
    );
    const forced = await mergeHeuristics(elf.core, { keep: a.id, from: b.id, force: true });
    expect(forced.kept.confidence).toBe(0.45);
    expect(forced.kept.domain).toBe('api');
  });
});

describe('supersedeDecision', () => {
  it('supersedes a decision by an accepted or proposed one and refuses bad pairs', async () => {
    const { elf } = await openTempElf();
    const decide = (title: string, status = 'accepted') =>
      elf.recordDecision({ title, context: 'c', decision: 'd', rationale: 'r', status });
    const old = await decide('Use REST');
    const next = await decide('Use GraphQL', 'proposed');
    const deprecated = await decide('Use SOAP', 'deprecated');
    await rejects(elf, () => supersedeDecision(elf.core, { id: old.id, by: old.id }), 'INVALID_INPUT', /^by: /);
    await rejects(elf, () => supersedeDecision(elf.core, { id: 999, by: old.id }), 'NOT_FOUND', /^id: /);
    await rejects(
      elf,
      () => supersedeDecision(elf.core, { id: old.id, by: deprecated.id }),
      'INVALID_INPUT',
      /^by: decision #\d+ is deprecated/,
    );
    const done = await supersedeDecision(elf.core, {
      id: old.id,
      by: next.id,
      reason: 'clients need one query per page',
    });
    expect(done).toMatchObject({
      id: old.id,
      status: 'superseded',
      superseded_by: next.id,
      status_reason: 'clients need one query per page',
    });
    await rejects(
      elf,
      () => supersedeDecision(elf.core, { id: old.id, by: next.id }),
      'INVALID_INPUT',
      `id: decision #${old.id} is already superseded`,
    );
  });
});

describe('search marks retired knowledge', () => {
  it('shows retracted and superseded heuristics and superseded decisions with why', async () => {
    const { elf } = await openTempElf();
    const wrong = await elf.recordHeuristic({ domain: 'database', rule: 'Run migrations in parallel' });
    const old = await elf.recordHeuristic({ domain: 'database', rule: 'Lock tables before migrations' });
    const next = await elf.recordHeuristic({ domain: 'database', rule: 'Batch large migrations' });
    await retractHeuristic(elf.core, { id: wrong.id, reason: 'deadlocks' });
    await supersedeHeuristic(elf.core, { id: old.id, by: next.id });
    const d1 = await elf.recordDecision({ title: 'Migrations by hand', context: 'c', decision: 'd', rationale: 'r' });
    const d2 = await elf.recordDecision({ title: 'Migrations in CI', context: 'c', decision: 'd', rationale: 'r' });
    await supersedeDecision(elf.core, { id: d1.id, by: d2.id });
    const hits = (await elf.search({ text: 'migrations', limit: 20 })).hits;
    const retired = Object.fromEntries(hits.map((h) => [`${h.kind}:${h.id}`, h.retired]));
    expect(retired).toEqual({
      [`heuristic:${wrong.id}`]: 'retracted: deadlocks',
      [`heuristic:${old.id}`]: `superseded by #${next.id}`,
      [`heuristic:${next.id}`]: null,
      [`decision:${d1.id}`]: `superseded by #${d2.id}`,
      [`decision:${d2.id}`]: null,
    });
  });
});
