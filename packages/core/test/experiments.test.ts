import { describe, expect, it } from 'vitest';
import { abandonExperiment, completeExperiment, getExperiment } from '../src/index.js';
import { snapshot } from './support/knowledge-snapshot.js';
import { openTempElf } from './support/temp-elf.js';

describe('experiments', () => {
  it('numbers cycles, records try/break/analyze/learn/next, and lists them in order', async () => {
    const { elf } = await openTempElf();
    const e = await elf.recordExperiment({ name: 'batch inserts', hypothesis: 'one transaction is 10x faster' });
    const first = await elf.recordCycle({ experiment_id: e.id, try_summary: '1k inserts', next_step: 'batch them' });
    const second = await elf.recordCycle({
      experiment_id: e.id,
      try_summary: 'batched',
      break_summary: 'lock held too long',
      analysis: 'fsync dominates',
      learning_extracted: 'batch in one IMMEDIATE transaction',
      next_step: 'measure at 100k',
    });
    expect([first.cycle_number, second.cycle_number]).toEqual([1, 2]);
    expect(first.next_step).toBe('batch them');
    const shown = await getExperiment(elf.core, e.id);
    expect(shown.experiment).toMatchObject({ id: e.id, cycles_run: 2, status: 'active' });
    expect(shown.cycles.map((c) => [c.cycle_number, c.try_summary, c.next_step])).toEqual([
      [1, '1k inserts', 'batch them'],
      [2, 'batched', 'measure at 100k'],
    ]);
    await expect(getExperiment(elf.core, 99)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'id: no experiment with id 99',
    });
  });

  it('refuses an empty cycle and a cycle of a closed experiment', async () => {
    const { elf } = await openTempElf();
    const e = await elf.recordExperiment({ name: 'e', hypothesis: 'h' });
    await expect(elf.recordCycle({ experiment_id: e.id, try_summary: '  ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'try_summary',
    });
    await abandonExperiment(elf.core, { id: e.id, conclusion: 'not worth it' });
    const before = await snapshot(elf);
    await expect(elf.recordCycle({ experiment_id: e.id, try_summary: 'again' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `experiment_id: experiment #${e.id} is abandoned; only an active experiment runs cycles`,
    });
    expect(await snapshot(elf)).toEqual(before);
  });

  it('completes with a heuristic in one transaction, and only once', async () => {
    const { elf, clock } = await openTempElf();
    const e = await elf.recordExperiment({ name: 'wal', hypothesis: 'WAL removes busy errors', domain: 'SQLite' });
    clock.advanceDays(2);
    const done = await completeExperiment(elf.core, {
      id: e.id,
      conclusion: 'WAL plus IMMEDIATE transactions: no lost writes',
      heuristic: { rule: 'Begin write transactions IMMEDIATE', explanation: 'deferred ones lose writes' },
    });
    expect(done.experiment).toMatchObject({
      status: 'completed',
      conclusion: 'WAL plus IMMEDIATE transactions: no lost writes',
      completed_at: '2026-11-28T12:00:00.000Z',
    });
    const h = await elf.db.selectFrom('heuristics').selectAll().where('source_type', '=', 'experiment').execute();
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({
      id: done.heuristic?.id,
      rule: 'Begin write transactions IMMEDIATE',
      domain: 'sqlite',
      source_id: e.id,
      explanation: 'deferred ones lose writes',
      confidence: 0.5,
    });
    const before = await snapshot(elf);
    await expect(completeExperiment(elf.core, { id: e.id, conclusion: 'again' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `id: experiment #${e.id} is already completed`,
    });
    await expect(abandonExperiment(elf.core, { id: e.id, conclusion: 'again' })).rejects.toMatchObject({
      message: `id: experiment #${e.id} is already completed`,
    });
    expect(await snapshot(elf)).toEqual(before);
  });

  it('needs a domain for the heuristic when the experiment has none, and then changes nothing', async () => {
    const { elf } = await openTempElf();
    const e = await elf.recordExperiment({ name: 'no domain', hypothesis: 'h' });
    const before = await snapshot(elf);
    await expect(
      completeExperiment(elf.core, { id: e.id, conclusion: 'c', heuristic: { rule: 'r' } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'domain', message: expect.stringContaining('--domain') });
    await expect(completeExperiment(elf.core, { id: e.id, conclusion: ' ' })).rejects.toMatchObject({
      field: 'conclusion',
    });
    expect(await snapshot(elf)).toEqual(before);
    const done = await completeExperiment(elf.core, {
      id: e.id,
      conclusion: 'c',
      heuristic: { rule: 'r', domain: 'ops' },
    });
    expect(done.heuristic).toMatchObject({ domain: 'ops', source_type: 'experiment', source_id: e.id });
  });

  it('abandons with a conclusion', async () => {
    const { elf } = await openTempElf();
    const e = await elf.recordExperiment({ name: 'e', hypothesis: 'h' });
    const abandoned = await abandonExperiment(elf.core, {
      id: e.id,
      conclusion: 'superseded by WAL',
      heuristic: { rule: 'Do not use rollback journals for concurrent writers', domain: 'database' },
    });
    expect(abandoned.experiment).toMatchObject({
      status: 'abandoned',
      conclusion: 'superseded by WAL',
      completed_at: '2026-11-26T12:00:00.000Z',
    });
    expect(abandoned.heuristic).toMatchObject({ source_type: 'experiment', source_id: e.id, domain: 'database' });
  });
});
