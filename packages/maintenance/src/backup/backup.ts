import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupProgress, type ElfDatabase, ElfError, openDatabase } from '@elf/schema';
import { checkIntegrity } from '../health/integrity.js';

export interface BackupFile {
  file: string;
  path: string;
  bytes: number;
  createdAt: Date;
  kind: 'backup' | 'pre-restore';
}

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
  durationMs: number;
  verified: true;
  removed: string[];
}

const pattern = /^elf-(pre-restore-)?(\d{8})-(\d{6})(?:-(\d+))?\.db$/;

function stamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

function parseStamp(day: string, time: string): Date {
  return new Date(
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}Z`,
  );
}

/** Backups in a folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const file of names) {
    const match = pattern.exec(file);
    if (!match) continue;
    const path = join(dir, file);
    files.push({
      file,
      path,
      bytes: statSync(path).size,
      createdAt: parseStamp(match[2] as string, match[3] as string),
      kind: match[1] ? 'pre-restore' : 'backup',
    });
  }
  return files.sort((a, b) => b.file.localeCompare(a.file));
}

function freePath(dir: string, prefix: string, now: Date): string {
  const base = `${prefix}${stamp(now)}`;
  let path = join(dir, `${base}.db`);
  for (let n = 2; listBackups(dir).some((b) => b.path === path); n++) path = join(dir, `${base}-${n}.db`);
  return path;
}

/** Opens a copy read-only and checks it: integrity_check and an ELF schema version. */
export async function verifyBackup(path: string): Promise<void> {
  let copy: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    copy = await openDatabase({ path, readonly: true, migrate: false });
    const integrity = await checkIntegrity(copy.db);
    if (!integrity.ok)
      throw new ElfError('DATABASE', `backup ${path} failed integrity_check: ${integrity.messages[0]}`);
    if (copy.schemaVersion === 0) throw new ElfError('DATABASE', `backup ${path} is not an ELF database`);
  } finally {
    await copy?.close();
  }
}

export interface BackupOptions {
  dir: string;
  /** Keep the newest N regular backups (default 7, as the original ELF); older ones are removed. */
  keep?: number;
  now?: Date;
  onProgress?: (progress: BackupProgress) => void;
  /** File name prefix; `elf-pre-restore-` for the copy a restore keeps. */
  prefix?: string;
}

/**
 * A consistent copy through SQLite's online backup API (other processes keep writing), verified
 * by opening it and running integrity_check, then retention of the newest `keep` backups.
 */
export async function createBackup(handle: ElfDatabase, options: BackupOptions): Promise<BackupResult> {
  try {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ElfError('INVALID_INPUT', `dir: cannot create ${options.dir}: ${(error as Error).message}`, {
      field: 'dir',
      cause: error,
    });
  }
  const path = freePath(options.dir, options.prefix ?? 'elf-', options.now ?? new Date());
  const started = performance.now();
  const progress = await handle.backup(path, options.onProgress ? { onProgress: options.onProgress } : {});
  try {
    await verifyBackup(path);
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  const keep = options.keep ?? 7;
  const removed: string[] = [];
  if (!options.prefix || options.prefix === 'elf-') {
    for (const old of listBackups(options.dir)
      .filter((b) => b.kind === 'backup')
      .slice(keep)) {
      rmSync(old.path, { force: true });
      removed.push(old.path);
    }
  }
  return {
    path,
    bytes: statSync(path).size,
    pages: progress.totalPages,
    durationMs: Math.round(performance.now() - started),
    verified: true,
    removed,
  };
}
