import type { Command } from 'commander';
import { backupsDir, backupsDirOption } from '../../runtime/backups-dir.js';
import { resolveDatabasePath } from '../../runtime/database-path.js';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { emit } from '../../runtime/output.js';

const healthExit = { healthy: 0, degraded: 1, unhealthy: 2 } as const;

/** `elf db integrity [--quick]` (exit 0 ok / 2 damaged) and `elf db health` (exit 0 / 1 / 2). */
export function registerHealthCommands(db: Command, cli: CliContext): void {
  db.command('integrity')
    .description('PRAGMA integrity_check (or quick_check with --quick); exit 2 when damaged')
    .option('--quick', 'quick_check: faster, skips checking index contents')
    .action(
      handler<{ quick?: boolean }>(cli, async (opts, globals) => {
        const { checkIntegrity } = await import('@elf/maintenance');
        const result = await emitStep(
          cli,
          globals,
          (elf) => checkIntegrity(elf.db, { quick: Boolean(opts.quick) }),
          (result) =>
            result.ok
              ? `integrity (${result.mode}): ok in ${result.durationMs} ms`
              : `integrity (${result.mode}): DAMAGED\n  ${result.messages.join('\n  ')}`,
          { create: false },
        );
        if (!result.ok) cli.exitCode = 2;
      }),
    );

  db.command('health')
    .description(
      'healthy / degraded / unhealthy: integrity, size, WAL, free disk, last backup, schema (exit 0 / 1 / 2)',
    )
    .option('--max-backup-age <hours>', 'degrade when the newest backup is older than this')
    .addOption(backupsDirOption())
    .action(
      handler<{ maxBackupAge?: string; to?: string }>(cli, async (opts, globals) => {
        const maxAge = opts.maxBackupAge === undefined ? undefined : Number(opts.maxBackupAge);
        if (maxAge !== undefined && !(Number.isFinite(maxAge) && maxAge > 0)) {
          const { ElfError } = await import('@elf/core');
          throw new ElfError('INVALID_INPUT', 'max_backup_age: must be a number of hours above 0', {
            field: 'max_backup_age',
          });
        }
        const { checkHealth } = await import('@elf/maintenance');
        const report = await checkHealth({
          path: resolveDatabasePath(globals, cli.io),
          backupsDir: backupsDir(cli.io, globals, opts.to),
          ...(maxAge !== undefined ? { maxBackupAgeHours: maxAge } : {}),
        });
        emit(cli.io, globals, report, () =>
          [
            `${report.status.toUpperCase()}: ${report.path}`,
            ...report.checks.map((c) => `  ${c.status.padEnd(9)} ${c.name.padEnd(9)} ${c.detail}`),
          ].join('\n'),
        );
        cli.exitCode = healthExit[report.status];
      }),
    );
}
