import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { mb } from '../../format/bytes.js';
import { backupsDir, backupsDirOption } from '../../runtime/backups-dir.js';
import { resolveDatabasePath } from '../../runtime/database-path.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { integerOption } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { progressBar } from '../../runtime/progress.js';

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** `elf db backup [--keep N] [--to DIR]`, `elf db backups`, `elf db restore FILE [--yes]`. */
export function registerBackupCommands(db: Command, cli: CliContext): void {
  db.command('backup')
    .description('a verified copy through SQLite online backup (others may keep writing); keeps the newest N')
    .option('--keep <n>', 'backups to keep, 1..1000', '7')
    .option('--to <dir>', 'where to put it (default: backups/ next to the database)')
    .action(
      handler<{ keep: string; to?: string }>(cli, async (opts, globals) => {
        const keep = await integerOption(opts.keep, 'keep', 1, 1000);
        const { createBackup } = await import('@elf/maintenance');
        const bar = await progressBar(cli.io, { json: globals.json, title: 'backup' });
        const result = await withElf(
          cli.io,
          globals,
          (elf) =>
            createBackup(elf.database, {
              dir: backupsDir(cli.io, globals, opts.to),
              keep,
              onProgress: (p) => bar.update(p.totalPages - p.remainingPages, p.totalPages, 'pages'),
            }),
          { create: false },
        );
        bar.stop();
        emit(cli.io, globals, result, () =>
          [
            `backup: ${result.path} (${mb(result.bytes)}, ${result.pages} pages, ${result.durationMs} ms, verified)`,
            ...result.removed.map((path) => `  removed old backup ${path}`),
          ].join('\n'),
        );
      }),
    );

  db.command('backups')
    .description('list the backups, newest first')
    .addOption(backupsDirOption())
    .action(
      handler<{ to?: string }>(cli, async (opts, globals) => {
        const { listBackups } = await import('@elf/maintenance');
        const dir = backupsDir(cli.io, globals, opts.to);
        const backups = listBackups(dir);
        emit(cli.io, globals, { dir, backups }, () =>
          backups.length === 0
            ? `no backups in ${dir}`
            : [
                `backups in ${dir}:`,
                ...backups.map(
                  (b) =>
                    `  ${b.file}  ${mb(b.bytes)}  ${b.createdAt.toISOString()}${b.kind === 'pre-restore' ? '  (before a restore)' : ''}`,
                ),
              ].join('\n'),
        );
      }),
    );

  db.command('restore')
    .description('replace the database with a backup; the current one is kept as a pre-restore backup')
    .argument('<file>', 'the backup to restore')
    .option('--yes', 'do not ask for confirmation (required without a terminal)')
    .addOption(backupsDirOption())
    .action(
      handler<{ yes?: boolean; to?: string }>(cli, async (opts, globals, command) => {
        const { ElfError } = await import('@elf/core');
        const path = resolveDatabasePath(globals, cli.io);
        const from = command.args[0] as string;
        if (!opts.yes) {
          if (!process.stdin.isTTY || !cli.io.isTTY) {
            throw new ElfError(
              'INVALID_INPUT',
              'yes: restoring replaces the database; pass --yes to confirm without a terminal',
              { field: 'yes' },
            );
          }
          if (!(await confirm(`Replace ${path} with ${from}? The current database is kept as a backup. [y/N] `))) {
            throw new ElfError('INVALID_INPUT', 'yes: restore cancelled', { field: 'yes' });
          }
        }
        const { restoreBackup } = await import('@elf/maintenance');
        const result = await restoreBackup({
          path,
          from: resolve(cli.io.cwd, from),
          backupsDir: backupsDir(cli.io, globals, opts.to),
        });
        emit(cli.io, globals, result, () =>
          [
            `restored ${result.restored} from ${result.from} (schema version ${result.schemaVersion})`,
            result.previous ? `  the database it replaced: ${result.previous}` : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );
}
