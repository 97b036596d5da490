import { existsSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { latestSchemaVersion, openDatabase, sqliteCause } from '@elf/schema';
import { listBackups } from '../backup/backup.js';
import { checkIntegrity } from './integrity.js';

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface HealthCheck {
  name: 'database' | 'integrity' | 'schema' | 'size' | 'wal' | 'disk' | 'backup';
  status: HealthStatus;
  detail: string;
  value: number | string | null;
}

export interface HealthReport {
  status: HealthStatus;
  path: string;
  checks: HealthCheck[];
}

export interface HealthOptions {
  path: string;
  /** Where backups are kept (for the last backup's age). */
  backupsDir?: string;
  /** When set, an older (or missing) backup degrades the status. */
  maxBackupAgeHours?: number;
  now?: Date;
  /** Thresholds, the original ELF's alert levels by default. */
  thresholds?: Partial<typeof defaultThresholds>;
}

export const defaultThresholds = {
  sizeDegradedMb: 1024,
  sizeUnhealthyMb: 5120,
  walDegradedMb: 50,
  walUnhealthyMb: 500,
  diskDegradedMb: 1024,
  diskUnhealthyMb: 100,
};

const rank: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };
const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
const level = (value: number, degraded: number, unhealthy: number, above = true): HealthStatus =>
  above
    ? value >= unhealthy
      ? 'unhealthy'
      : value >= degraded
        ? 'degraded'
        : 'healthy'
    : value <= unhealthy
      ? 'unhealthy'
      : value <= degraded
        ? 'degraded'
        : 'healthy';

/**
 * healthy / degraded / unhealthy from integrity, schema version, file and WAL size, free disk and
 * the last backup's age. Opens the database read-only and never creates it: a missing or
 * unreadable database is unhealthy.
 */
export async function checkHealth(options: HealthOptions): Promise<HealthReport> {
  const t = { ...defaultThresholds, ...options.thresholds };
  const checks: HealthCheck[] = [];
  const path = options.path;
  const report = (): HealthReport => ({
    status: checks.reduce<HealthStatus>((worst, c) => (rank[c.status] > rank[worst] ? c.status : worst), 'healthy'),
    path,
    checks,
  });

  if (!existsSync(path)) {
    checks.push({ name: 'database', status: 'unhealthy', detail: `no database at ${path}`, value: null });
    return report();
  }
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ path, readonly: true, migrate: false });
  } catch (error) {
    checks.push({ name: 'database', status: 'unhealthy', detail: (error as Error).message, value: null });
    return report();
  }
  try {
    checks.push({ name: 'database', status: 'healthy', detail: 'opens', value: path });
    const integrity = await checkIntegrity(handle.db, { quick: true }).catch((error: Error) => ({
      ok: false,
      messages: [(sqliteCause(error) ?? error).message],
    }));
    checks.push({
      name: 'integrity',
      status: integrity.ok ? 'healthy' : 'unhealthy',
      detail: integrity.ok ? 'quick_check ok' : integrity.messages.slice(0, 3).join('; '),
      value: integrity.ok ? 'ok' : 'failed',
    });
    const version = handle.schemaVersion;
    checks.push({
      name: 'schema',
      status: version === latestSchemaVersion ? 'healthy' : 'degraded',
      detail:
        version === latestSchemaVersion
          ? `version ${version}`
          : `version ${version}, this ELF migrates it to ${latestSchemaVersion} on the next write`,
      value: version,
    });
  } finally {
    await handle.close();
  }

  const size = mb(statSync(path).size);
  checks.push({
    name: 'size',
    status: level(size, t.sizeDegradedMb, t.sizeUnhealthyMb),
    detail: `${size} MB`,
    value: size,
  });
  const wal = existsSync(`${path}-wal`) ? mb(statSync(`${path}-wal`).size) : 0;
  checks.push({ name: 'wal', status: level(wal, t.walDegradedMb, t.walUnhealthyMb), detail: `${wal} MB`, value: wal });
  try {
    const fs = statfsSync(dirname(path));
    const free = mb(fs.bavail * fs.bsize);
    checks.push({
      name: 'disk',
      status: level(free, t.diskDegradedMb, t.diskUnhealthyMb, false),
      detail: `${free} MB free`,
      value: free,
    });
  } catch (error) {
    checks.push({
      name: 'disk',
      status: 'degraded',
      detail: `free space unknown: ${(error as Error).message}`,
      value: null,
    });
  }

  const newest = options.backupsDir ? listBackups(options.backupsDir)[0] : undefined;
  const now = options.now ?? new Date();
  const ageHours = newest ? Math.round(((now.getTime() - newest.createdAt.getTime()) / 3_600_000) * 10) / 10 : null;
  const limit = options.maxBackupAgeHours;
  const stale = limit !== undefined && (ageHours === null || ageHours > limit);
  checks.push({
    name: 'backup',
    status: stale ? 'degraded' : 'healthy',
    detail:
      ageHours === null
        ? `no backup yet${limit !== undefined ? ` (maximum age ${limit} h)` : ''}`
        : `last backup ${ageHours} h ago${limit !== undefined ? ` (maximum ${limit} h)` : ''}`,
    value: ageHours,
  });
  return report();
}
