import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database as SchemaDatabase } from '@elf/schema';
import { holdWriteLock } from '@elf/test-support';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { counts, elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

/** Works on the database file directly, as another program would. */
async function raw<T>(path: string, work: (db: Kysely<SchemaDatabase>) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ path });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

function seed(box: Sandbox, n = 5) {
  for (let i = 0; i < n; i++) {
    expect(elfDb(box, ['record', 'failure', '--title', `Flaky test ${i} in CI`, '--domain', 'ci']).code).toBe(0);
  }
  expect(elfDb(box, ['record', 'heuristic', '--domain', 'ci', '--rule', 'Retry nothing blindly']).code).toBe(0);
}

/** Overwrites pages 3.. of the file with garbage, as a failing disk would. */
function corrupt(path: string) {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 6, 0xa5), 0, 4096 * 6, 4096 * 2);
  closeSync(fd);
}

describe('elf db stats', () => {
  it('lists rows, table and index sizes per table, pages, free pages and the WAL', () => {
    const box = sandbox();
    seed(box);
    const stats = json(elfDb(box, ['db', 'stats', '--json']));
    expect(stats.path).toBe(box.db);
    expect(stats.pageSize).toBe(4096);
    expect(stats.fileBytes).toBe(stats.pageSize * stats.pageCount);
    const learnings = stats.tables.find((t: { name: string }) => t.name === 'learnings');
    expect(learnings).toMatchObject({ rows: 5 });
    expect(learnings.tableBytes).toBeGreaterThan(0);
    expect(learnings.indexBytes).toBeGreaterThan(0);
    const text = elfDb(box, ['db', 'stats']).stdout;
    expect(text).toMatch(/^learnings\s+5\s+\d+ KB\s+\d+ KB$/m);
    expect(text).toMatch(/pages of 4096 bytes/);
  });

  it('does not create a database that is not there', () => {
    const box = sandbox();
    const result = elfDb(box, ['db', 'stats']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^elf: .*(no database|not found|does not exist)/i);
    expect(existsSync(box.db)).toBe(false);
  });
});

describe('elf db analyze | optimize | reindex | vacuum', () => {
  it('runs each task and reports sizes before and after with its time', () => {
    const box = sandbox();
    seed(box);
    for (const task of ['analyze', 'optimize', 'reindex', 'vacuum']) {
      const result = json(elfDb(box, ['db', task, '--json']));
      expect(result).toMatchObject({ task, status: 'done' });
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
      expect(result.before.pageCount).toBeGreaterThan(0);
      expect(result.after.pageCount).toBeGreaterThan(0);
      expect(elfDb(box, ['db', task]).stdout).toMatch(
        new RegExp(`^${task}: done in [\\d.]+ ms\\n  before: .*\\n  after: `),
      );
    }
    expect(counts(box).learnings).toBe(5);
  });

  it('vacuum returns free pages to the file system', async () => {
    const box = sandbox();
    seed(box);
    await raw(box.db, async (db) => {
      await sql`create table filler (x blob)`.execute(db);
      await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 300)
        insert into filler select randomblob(4000) from n`.execute(db);
      await sql`drop table filler`.execute(db);
    });
    const result = json(elfDb(box, ['db', 'vacuum', '--json']));
    expect(result.before.freelistCount).toBeGreaterThan(250);
    expect(result.after.freelistCount).toBe(0);
    expect(result.after.fileBytes).toBeLessThan(result.before.fileBytes - 250 * 4096);
    expect(counts(box).learnings).toBe(5);
  });

  it('vacuum reports, instead of failing, when another process holds the database', async () => {
    const box = sandbox();
    seed(box);
    const lock = await holdWriteLock(box.db, { lock: 'immediate', from: import.meta.url });
    try {
      const result = elfDb(box, ['db', 'vacuum']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^vacuum: not run — .*(busy|locked)/);
    } finally {
      await lock.release();
    }
  }, 30_000);
});

describe('elf db integrity and health', () => {
  it('healthy database: integrity ok (exit 0), health healthy (exit 0) with every check', () => {
    const box = sandbox();
    seed(box);
    const integrity = elfDb(box, ['db', 'integrity', '--json']);
    expect(integrity.code).toBe(0);
    expect(json(integrity)).toMatchObject({ ok: true, mode: 'full', messages: ['ok'] });
    expect(json(elfDb(box, ['db', 'integrity', '--quick', '--json']))).toMatchObject({ ok: true, mode: 'quick' });
    const health = elfDb(box, ['db', 'health', '--json']);
    expect(health.code).toBe(0);
    const report = json(health);
    expect(report.status).toBe('healthy');
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['database', 'integrity', 'schema', 'size', 'wal', 'disk', 'backup']),
    );
    expect(report.checks.find((c: { name: string }) => c.name === 'backup').detail).toMatch(/no backup/);
  });

  it('corrupted database (bytes overwritten): integrity exit 2, health unhealthy exit 2', () => {
    const box = sandbox();
    seed(box);
    corrupt(box.db);
    const integrity = elfDb(box, ['db', 'integrity']);
    expect(integrity.code).toBe(2);
    const health = elfDb(box, ['db', 'health', '--json']);
    expect(health.code).toBe(2);
    expect(json(health).status).toBe('unhealthy');
    expect(elfDb(box, ['db', 'health']).stdout).toMatch(/^UNHEALTHY: /);
  });

  it('missing database: health unhealthy, exit 2, and nothing created', () => {
    const box = sandbox();
    const health = elfDb(box, ['db', 'health', '--json']);
    expect(health.code).toBe(2);
    const report = json(health);
    expect(report.status).toBe('unhealthy');
    expect(report.checks[0]).toMatchObject({ name: 'database', status: 'unhealthy' });
    expect(existsSync(box.db)).toBe(false);
    expect(readdirSync(box.dir)).not.toContain('elf.db');
  });

  it('backup age degrades health (exit 1) only when a maximum age is configured', () => {
    const box = sandbox();
    seed(box);
    expect(elfDb(box, ['db', 'health']).code).toBe(0);
    const degraded = elfDb(box, ['db', 'health', '--max-backup-age', '24', '--json']);
    expect(degraded.code).toBe(1);
    expect(json(degraded).status).toBe('degraded');
    expect(elfDb(box, ['db', 'backup']).code).toBe(0);
    expect(elfDb(box, ['db', 'health', '--max-backup-age', '24']).code).toBe(0);
    const bad = elfDb(box, ['db', 'health', '--max-backup-age', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^elf: --max-backup-age: /);
  });
});

describe('elf db backup | backups | restore', () => {
  it('backs up (verified), lists, keeps the newest N, and restores to the identical knowledge', () => {
    const box = sandbox();
    seed(box, 3);
    const first = json(elfDb(box, ['db', 'backup', '--json']));
    expect(first).toMatchObject({ verified: true, removed: [] });
    expect(first.path.startsWith(join(box.dir, 'backups'))).toBe(true);
    const knowledge = () => elfDb(box, ['export']).stdout.split('\n').slice(1).join('\n');
    const snapshot = knowledge();
    // More knowledge after the backup, then restore: back to exactly what was backed up.
    seed(box, 2);
    expect(counts(box).learnings).toBe(5);
    const restored = elfDb(box, ['db', 'restore', first.path, '--yes', '--json']);
    expect(restored.code).toBe(0);
    expect(json(restored).previous).toMatch(/elf-pre-restore-/);
    expect(counts(box).learnings).toBe(3);
    expect(knowledge()).toBe(snapshot);
    expect(elfDb(box, ['db', 'integrity']).code).toBe(0);
    const listed = json(elfDb(box, ['db', 'backups', '--json']));
    expect(listed.backups.map((b: { kind: string }) => b.kind).sort()).toEqual(['backup', 'pre-restore']);
  });

  it('keeps only the newest N backups', async () => {
    const box = sandbox();
    seed(box, 1);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(json(elfDb(box, ['db', 'backup', '--keep', '2', '--json'])).path);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    const left = readdirSync(join(box.dir, 'backups')).filter((f) => f.endsWith('.db'));
    expect(left.sort()).toEqual(
      made
        .slice(1)
        .map((p) => p.split('/').at(-1))
        .sort(),
    );
    expect(elfDb(box, ['db', 'backup', '--keep', '0']).stderr).toBe(
      'elf: --keep: must be an integer from 1 to 1000 (got "0")\n',
    );
  }, 30_000);

  it('restore without --yes and without a terminal refuses with exit 1, naming --yes, and changes nothing', () => {
    const box = sandbox();
    seed(box, 2);
    const backup = json(elfDb(box, ['db', 'backup', '--json'])).path;
    seed(box, 1);
    const before = readFileSync(box.db);
    const result = elfDb(box, ['db', 'restore', backup]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^elf: --yes: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(counts(box).learnings).toBe(3);
    expect(statSync(box.db).size).toBe(before.length);
  });

  it('refuses to restore a file that is not a good backup, and changes nothing', () => {
    const box = sandbox();
    seed(box, 2);
    const bogus = join(box.dir, 'bogus.db');
    openSync(bogus, 'w');
    writeSync(openSync(bogus, 'w'), 'not a database at all'.repeat(100));
    const result = elfDb(box, ['db', 'restore', bogus, '--yes']);
    expect(result.code).not.toBe(0);
    expect(counts(box).learnings).toBe(2);
  });
});

describe('elf db prune', () => {
  it('removes telemetry older than N days, never knowledge, and reports counts', async () => {
    const box = sandbox();
    seed(box, 3);
    expect(elfDb(box, ['query', '--domain', 'ci']).code).toBe(0);
    const old = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const queriesBefore = await raw(box.db, async (db) => {
      await db
        .insertInto('trails')
        .values([
          { location: 'a.ts', scent: 'read', location_type: 'file', strength: 1, created_at: old },
          { location: 'b.ts', scent: 'read', location_type: 'file', strength: 1, created_at: new Date().toISOString() },
        ])
        .execute();
      await db.updateTable('learnings').set({ created_at: old, updated_at: old }).execute();
      await db.updateTable('building_queries').set({ created_at: old }).execute();
      return (await db.selectFrom('building_queries').select('id').execute()).length;
    });
    expect(queriesBefore).toBeGreaterThan(0);
    const result = json(elfDb(box, ['db', 'prune', '--older-than', '30', '--json']));
    expect(result.deleted).toMatchObject({ trails: 1, building_queries: queriesBefore, metrics: 0 });
    const after = counts(box);
    expect(after.learnings).toBe(3);
    expect(after.heuristics).toBeGreaterThanOrEqual(1);
    const trails = await raw(box.db, (db) => db.selectFrom('trails').select('location').execute());
    expect(trails.map((r) => r.location)).toEqual(['b.ts']);
    const bad = elfDb(box, ['db', 'prune', '--older-than', '-3']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('elf: --older-than: must be an integer from 1 to 36500 (got "-3")\n');
  });
});
