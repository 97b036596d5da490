import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

const tasks = {
  analyze: 'update the query planner statistics (ANALYZE)',
  optimize: 'PRAGMA optimize and merge the full-text indexes',
  reindex: 'rebuild every index (REINDEX)',
  vacuum: 'rewrite the file without free pages (VACUUM); reports instead of failing when others hold the database',
} as const;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;

/** `elf db analyze|optimize|reindex|vacuum`: each prints sizes and pages before and after, and its time. */
export function registerTaskCommands(db: Command, cli: CliContext): void {
  for (const [task, description] of Object.entries(tasks) as Array<[keyof typeof tasks, string]>) {
    db.command(task)
      .description(description)
      .action(
        handler(cli, async (_opts, globals) => {
          const { runMaintenanceTask } = await import('@elf/maintenance');
          const result = await withElf(cli.io, globals, (elf) => runMaintenanceTask(elf.database, task), {
            create: false,
          });
          emit(cli.io, globals, result, () =>
            result.status === 'busy'
              ? `${task}: not run — ${result.message}`
              : [
                  `${task}: done in ${result.durationMs} ms`,
                  `  before: ${mb(result.before.fileBytes)} (+ WAL ${mb(result.before.walBytes)}), ${result.before.pageCount} pages, ${result.before.freelistCount} free`,
                  `  after:  ${mb(result.after.fileBytes)} (+ WAL ${mb(result.after.walBytes)}), ${result.after.pageCount} pages, ${result.after.freelistCount} free`,
                ].join('\n'),
          );
        }),
      );
  }
}
