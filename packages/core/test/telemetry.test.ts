import { TestClock, tempDir } from '@elf/test-support';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { Elf } from '../src/index.js';
import { openTempElf } from './support/temp-elf.js';

const rows = async (elf: Elf) => {
  await elf.flushTelemetry();
  return elf.db.selectFrom('building_queries').selectAll().orderBy('id').execute();
};

describe('query telemetry', () => {
  it('queues telemetry off the query path and writes it in batches, on flush and on close', async () => {
    const { elf, path } = await openTempElf();
    for (let i = 0; i < 3; i++) await elf.queryRecent();
    const unflushed = await elf.db.selectFrom('building_queries').selectAll().execute();
    expect(unflushed).toHaveLength(0);
    for (let i = 0; i < 60; i++) await elf.queryRecent();
    const afterBatch = await elf.db.selectFrom('building_queries').selectAll().execute();
    expect(afterBatch.length).toBeGreaterThanOrEqual(50);
    await elf.close();
    const reopened = await Elf.open({ path, projectPath: null });
    const all = await reopened.db.selectFrom('building_queries').selectAll().execute();
    expect(all).toHaveLength(63);
    await reopened.close();
  });

  it('writes one building_queries row per public query with type, duration, counts and status', async () => {
    const { elf } = await openTempElf();
    await elf.recordHeuristic({ domain: 'api', rule: 'Version every endpoint' });
    await elf.recordLearning({ type: 'failure', title: 'Breaking change shipped', domain: 'api' });
    expect(await rows(elf)).toHaveLength(0); // recording is not a query
    await elf.queryByDomain({ domain: 'api', limit: 5 });
    await elf.search({ text: 'endpoint' });
    await elf.goldenRules();
    const logged = await rows(elf);
    expect(logged.map((r) => r.query_type)).toEqual(['query_by_domain', 'search', 'get_golden_rules']);
    expect(logged[0]).toMatchObject({
      status: 'success',
      domain: 'api',
      limit_requested: 5,
      results_returned: 2,
      heuristics_count: 1,
      learnings_count: 1,
      error_code: null,
    });
    for (const row of logged) {
      expect(row.duration_ms).toBeGreaterThanOrEqual(0);
      expect(row.completed_at).not.toBeNull();
    }
  });

  it('logs a rejected query as an error with its code, and still throws', async () => {
    const { elf } = await openTempElf();
    await expect(elf.queryByDomain({ domain: 'bad domain!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const [row] = await rows(elf);
    expect(row).toMatchObject({ query_type: 'query_by_domain', status: 'error', error_code: 'INVALID_INPUT' });
    expect(row?.error_message).toContain('domain');
  });

  it('never fails a query because telemetry cannot be written', async () => {
    const warn = vi.fn();
    const path = `${tempDir()}/elf.db`;
    const elf = await Elf.open({ path, projectPath: null, logger: { warn } });
    try {
      await elf.recordLearning({ type: 'failure', title: 'still answered', domain: 'ops' });
      await sql`drop table building_queries`.execute(elf.db);
      const result = await elf.queryByDomain({ domain: 'ops' });
      expect(result.learnings).toHaveLength(1);
      await elf.flushTelemetry();
      expect(warn).toHaveBeenCalledWith(
        'query telemetry not recorded',
        expect.objectContaining({ query_type: 'query_by_domain' }),
      );
    } finally {
      await elf.close();
    }
  });

  it('reports total queries, queries today, mean and p95 time in statistics', async () => {
    const clock = new TestClock('2026-11-25T23:00:00.000Z');
    const { elf } = await openTempElf({ clock });
    const insert = (created_at: string, duration_ms: number) =>
      elf.db
        .insertInto('building_queries')
        .values({ query_type: 'seeded', status: 'success', created_at, duration_ms })
        .execute();
    for (let i = 1; i <= 20; i++) await insert('2026-11-25T10:00:00.000Z', i);
    clock.set('2026-11-26T09:00:00.000Z');
    await insert('2026-11-26T08:00:00.000Z', 100);
    const stats = await elf.statistics();
    expect(stats.total_queries).toBe(21);
    expect(stats.queries_today).toBe(1);
    expect(stats.avg_query_time_ms).toBeCloseTo((210 + 100) / 21, 3);
    expect(stats.p95_query_time_ms).toBe(20); // nearest rank: ceil(0.95 × 21) = 20th of 1..20, 100
  });
});

describe('statistics', () => {
  it('counts learnings by type and domain, heuristics, golden rules and 7-day violations', async () => {
    const { elf } = await openTempElf();
    await elf.recordLearning({ type: 'failure', title: 'a', domain: 'api' });
    await elf.recordLearning({ type: 'failure', title: 'b', domain: 'ui' });
    await elf.recordLearning({ type: 'success', title: 'c', domain: 'api' });
    const rule = await elf.recordHeuristic({ domain: 'api', rule: 'r' });
    await elf.db.updateTable('heuristics').set({ is_golden: 1, confidence: 0.95 }).execute();
    await elf.recordViolation({ rule_id: rule.id, rule_name: 'r' });
    await elf.recordExperiment({ name: 'x', hypothesis: 'h' });
    const stats = await elf.statistics();
    expect(stats).toMatchObject({
      learnings_by_type: { failure: 2, success: 1 },
      learnings_by_domain: { api: 2, ui: 1 },
      heuristics_by_domain: { api: 1 },
      total_learnings: 3,
      total_heuristics: 1,
      golden_heuristics: 1,
      experiments_by_status: { active: 1 },
      violations_7d: 1,
      violations_by_rule_7d: { [`Rule ${rule.id}: r`]: 1 },
    });
  });
});

describe('changeMarker', () => {
  it('moves on knowledge writes from this or another connection, not on this connection’s query telemetry', async () => {
    const { changeMarker } = await import('../src/index.js');
    const { elf, path } = await openTempElf();
    const start = await changeMarker(elf.core);
    await elf.queryByDomain({ domain: 'ops' });
    expect(await changeMarker(elf.core)).toBe(start);
    // Written to the database (a batch, and the triggers that keep per-day counts): still telemetry.
    for (let i = 0; i < 60; i++) await elf.queryByDomain({ domain: 'ops' });
    await elf.flushTelemetry();
    expect(await changeMarker(elf.core)).toBe(start);
    await elf.recordLearning({ type: 'failure', title: 'changed', domain: 'ops' });
    const afterWrite = await changeMarker(elf.core);
    expect(afterWrite).not.toBe(start);
    const other = await Elf.open({ path, projectPath: null });
    await other.recordLearning({ type: 'failure', title: 'elsewhere', domain: 'ops' });
    await other.close();
    expect(await changeMarker(elf.core)).not.toBe(afterWrite);
  });
});
