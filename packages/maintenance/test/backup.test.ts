import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Elf } from '@elf/core';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { createBackup, kindTable, listBackups, restoreBackup, transferKinds, verifyBackup } from '../src/index.js';
import { now, openElf, seedEverything } from './support/elf.js';

async function knowledge(elf: Elf) {
  const all: Record<string, unknown> = {};
  for (const kind of transferKinds)
    all[kind] = await elf.db.selectFrom(kindTable[kind]).selectAll().orderBy('id').execute();
  return all;
}

describe('backup', () => {
  it('writes a verified copy and keeps only the newest N', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const dir = tempDir();
    const progress: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = new Date(now.getTime() + i * 60_000);
      const result = await createBackup(elf.database, {
        dir,
        keep: 2,
        now: at,
        onProgress: (p) => progress.push(p.remainingPages),
      });
      expect(result.verified).toBe(true);
    }
    const kept = listBackups(dir);
    expect(kept.map((b) => b.file)).toEqual(['elf-20261126-120300.db', 'elf-20261126-120200.db']);
    expect(progress.length).toBeGreaterThan(0);
    await verifyBackup(kept[0]?.path as string);
  });

  it('names the folder it cannot create, as an ElfError, and writes nothing', async () => {
    const elf = await openElf();
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(createBackup(elf.database, { dir: join(file, 'backups'), keep: 1 })).rejects.toMatchObject({
      name: 'ElfError',
      code: 'INVALID_INPUT',
      field: 'dir',
      message: expect.stringMatching(/^dir: cannot create .*a-file\/backups: /),
    });
  });

  it('refuses to call a damaged file a backup', async () => {
    const path = join(tempDir(), 'elf-20260101-000000.db');
    writeFileSync(path, 'SQLite format 3\u0000'.padEnd(4096, 'x'));
    await expect(verifyBackup(path)).rejects.toMatchObject({ code: 'DATABASE' });
  });

  it('is consistent while another process keeps writing', async () => {
    const elf = await openElf({ seedStarters: false });
    await elf.recordLearning({ type: 'observation', title: 'before', domain: 'load' });
    const writer = spawn(
      process.execPath,
      [fileURLToPath(new URL('./fixtures/writer.mjs', import.meta.url)), elf.path],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    writer.stdout.on('data', (chunk) => {
      out += chunk;
    });
    await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()));
    const dir = tempDir();
    const backups = [];
    for (let i = 0; i < 3; i++)
      backups.push(await createBackup(elf.database, { dir, keep: 10, now: new Date(now.getTime() + i * 1000) }));
    writer.stdin.end();
    await new Promise((resolve) => writer.on('close', resolve));
    const written = Number(out.trim().split('\n').at(-1));
    expect(written).toBeGreaterThan(0);
    let previous = 0;
    for (const backup of backups) {
      const copy = await Elf.open({ path: backup.path, projectPath: null });
      const report = await copy.validateDatabase();
      const { total_learnings: n } = await copy.statistics();
      await copy.close();
      expect(report.checks.integrity).toBe('ok');
      expect(report.checks.full_text.learnings_fts).toBe('ok');
      expect(n).toBeGreaterThanOrEqual(Math.max(1, previous));
      expect(n).toBeLessThanOrEqual(1 + written);
      previous = n;
    }
  });
});

describe('restore', () => {
  it('round-trips: back up, change, restore → identical knowledge; the replaced database is kept', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const before = await knowledge(elf);
    const dir = tempDir();
    const backup = await createBackup(elf.database, { dir, now });
    await elf.recordLearning({ type: 'failure', title: 'after the backup', domain: 'ops' });
    await elf.db.deleteFrom('decisions').execute();
    const path = elf.path;
    await elf.close();
    const result = await restoreBackup({
      path,
      from: backup.path,
      backupsDir: dir,
      now: new Date(now.getTime() + 60_000),
    });
    expect(result.previous).toMatch(/elf-pre-restore-20261126-120100\.db$/);
    expect(existsSync(result.previous as string)).toBe(true);
    const restored = await Elf.open({ path, projectPath: null });
    expect(await knowledge(restored)).toEqual(before);
    expect((await restored.validateDatabase()).valid).toBe(true);
    await restored.close();
    const previous = await Elf.open({ path: result.previous as string, projectPath: null, readonly: true });
    expect((await previous.statistics()).total_decisions).toBe(0);
    await previous.close();
  });

  it('refuses a missing or damaged backup and leaves the database alone', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const path = elf.path;
    await elf.close();
    const dir = tempDir();
    await expect(restoreBackup({ path, from: join(dir, 'nope.db'), backupsDir: dir })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all'.repeat(100));
    await expect(restoreBackup({ path, from: junk, backupsDir: dir })).rejects.toMatchObject({ code: 'DATABASE' });
    const intact = await Elf.open({ path, projectPath: null });
    expect((await intact.statistics()).total_learnings).toBe(2);
    await intact.close();
  });
});
