import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Elf } from '@elf/core';
import { holdWriteLock, tempDir } from '@elf/test-support';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  checkHealth,
  checkIntegrity,
  createBackup,
  databaseStats,
  pruneTelemetry,
  runMaintenanceTask,
} from '../src/index.js';
import { now, openElf, seedEverything } from './support/elf.js';

describe('databaseStats', () => {
  it('reports rows, table and index bytes per table (FTS shadow tables counted under their FTS table), pages and WAL', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const stats = await databaseStats(elf.database);
    const learnings = stats.tables.find((t) => t.name === 'learnings');
    expect(learnings).toMatchObject({ rows: 2 });
    expect(learnings?.tableBytes).toBeGreaterThan(0);
    expect(learnings?.indexBytes).toBeGreaterThan(0);
    expect(stats.tables.find((t) => t.name === 'learnings_fts')?.tableBytes).toBeGreaterThan(0);
    expect(stats.tables.some((t) => t.name.startsWith('learnings_fts_'))).toBe(false);
    expect(stats.pageCount * stats.pageSize).toBeGreaterThan(0);
    expect(stats.walBytes).toBeGreaterThan(0);
  });
});

describe('maintenance tasks', () => {
  it.each(['analyze', 'optimize', 'reindex', 'vacuum'] as const)('%s runs and reports before/after', async (task) => {
    const elf = await openElf();
    await seedEverything(elf);
    const result = await runMaintenanceTask(elf.database, task);
    expect(result).toMatchObject({ task, status: 'done', message: null });
    expect(result.before.pageCount).toBeGreaterThan(0);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('vacuum shrinks a database with free pages, and reports busy when another process holds it', async () => {
    const elf = await openElf({ busyTimeoutMs: 200 });
    for (let i = 0; i < 300; i++)
      await elf.recordLearning({ type: 'observation', title: `row ${i} ${'x'.repeat(400)}`, domain: 'bulk' });
    await elf.db.deleteFrom('learnings').execute();
    const shrunk = await runMaintenanceTask(elf.database, 'vacuum');
    expect(shrunk.after.pageCount).toBeLessThan(shrunk.before.pageCount);
    expect(shrunk.after.freelistCount).toBe(0);

    const lock = await holdWriteLock(elf.path, { lock: 'immediate', from: import.meta.url });
    try {
      const busy = await runMaintenanceTask(elf.database, 'vacuum');
      expect(busy.status).toBe('busy');
      expect(busy.message).toMatch(/busy timeout/);
    } finally {
      await lock.release();
    }
  });
});

describe('integrity and health', () => {
  it('is healthy for a good database, with every check listed', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const dir = tempDir();
    await createBackup(elf.database, { dir, now });
    const report = await checkHealth({ path: elf.path, backupsDir: dir, now: new Date(now.getTime() + 2 * 3_600_000) });
    expect(report.status).toBe('healthy');
    expect(report.checks.map((c) => c.name)).toEqual([
      'database',
      'integrity',
      'schema',
      'size',
      'wal',
      'disk',
      'backup',
    ]);
    expect(report.checks.find((c) => c.name === 'backup')?.value).toBe(2);
    expect((await checkIntegrity(elf.db)).ok).toBe(true);
    expect((await checkIntegrity(elf.db, { quick: true })).mode).toBe('quick');
  });

  it('degrades on an old backup only when a maximum age is configured', async () => {
    const elf = await openElf();
    const dir = tempDir();
    await createBackup(elf.database, { dir, now });
    const later = new Date(now.getTime() + 48 * 3_600_000);
    expect((await checkHealth({ path: elf.path, backupsDir: dir, now: later })).status).toBe('healthy');
    const strict = await checkHealth({ path: elf.path, backupsDir: dir, now: later, maxBackupAgeHours: 24 });
    expect(strict.status).toBe('degraded');
    expect(strict.checks.find((c) => c.name === 'backup')?.detail).toMatch(/last backup 48 h ago \(maximum 24 h\)/);
  });

  it('is unhealthy for a missing database, and never creates it', async () => {
    const path = join(tempDir(), 'nothing-here.db');
    const report = await checkHealth({ path });
    expect(report.status).toBe('unhealthy');
    expect(existsSync(path)).toBe(false);
  });

  it('is unhealthy for a database with overwritten bytes', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const path = elf.path;
    await elf.close();
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    for (let offset = 4096; offset < size; offset += 4096) writeSync(fd, Buffer.alloc(512, 0xab), 0, 512, offset + 100);
    closeSync(fd);
    const report = await checkHealth({ path });
    expect(report.status).toBe('unhealthy');
  });
});

describe('pruneTelemetry', () => {
  it('removes old query log, metrics and trails, and never knowledge', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const old = '2026-01-01T00:00:00.000Z';
    const recent = '2026-11-25T00:00:00.000Z';
    for (const at of [old, old, recent]) {
      await elf.db
        .insertInto('building_queries')
        .values({ query_type: 'seed', status: 'success', created_at: at })
        .execute();
      await elf.db
        .insertInto('metrics')
        .values({ metric_type: 'm', metric_name: 'n', metric_value: 1, timestamp: at })
        .execute();
      await elf.db.insertInto('trails').values({ location: 'a.ts', scent: 'read', created_at: at }).execute();
    }
    const statsBefore = await elf.statistics();
    const result = await pruneTelemetry(elf.db, { olderThanDays: 30, now, batchSize: 1 });
    expect(result.deleted).toEqual({ building_queries: 2, metrics: 2, trails: 2 });
    const statsAfter = await elf.statistics();
    for (const key of [
      'total_learnings',
      'total_heuristics',
      'total_decisions',
      'total_experiments',
      'violations_7d',
    ] as const) {
      expect(statsAfter[key]).toBe(statsBefore[key]);
    }
    const left = await sql<{ n: number }>`select count(*) as n from trails`.execute(elf.db);
    expect(left.rows[0]?.n).toBe(1);
  });

  it('drops the hook state of old sessions, keeps their summaries and recent sessions’ state', async () => {
    const elf = await openElf();
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Version endpoints' });
    for (const [session, at] of [
      ['old', '2026-01-01T00:00:00.000Z'],
      ['new', '2026-11-25T00:00:00.000Z'],
    ] as const) {
      await elf.db
        .insertInto('session_summaries')
        .values({ session_id: session, project: '/p', started_at: at })
        .execute();
      await elf.db
        .insertInto('session_injections')
        .values({ session_id: session, kind: 'heuristic', item_id: h.id, event: 'SessionStart', created_at: at })
        .execute();
      await elf.db
        .insertInto('heuristic_consultations')
        .values({ session_id: session, agent_key: 't', heuristic_id: h.id, consulted_at: at })
        .execute();
      await elf.db.insertInto('session_tools').values({ session_id: session, tool_name: 'Read', calls: 3 }).execute();
      await elf.db
        .insertInto('session_captures')
        .values({ session_id: session, fingerprint: 'f', kind: 'marker', created_at: at })
        .execute();
    }
    const result = await pruneTelemetry(elf.db, { olderThanDays: 30, now });
    expect(result.sessionState).toEqual({ sessions: 1, rows: 4 });
    for (const table of [
      'session_injections',
      'heuristic_consultations',
      'session_tools',
      'session_captures',
    ] as const) {
      const rows = await elf.db.selectFrom(table).select('session_id').execute();
      expect(rows.map((r) => r.session_id)).toEqual(['new']);
    }
    const summaries = await elf.db.selectFrom('session_summaries').select('session_id').orderBy('id').execute();
    expect(summaries.map((s) => s.session_id)).toEqual(['old', 'new']);
    expect(await elf.db.selectFrom('heuristics').select('id').execute()).toHaveLength(9);
  });
});
void Elf;
