import type { Command } from 'commander';
import { mb } from '../../format/bytes.js';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';

const tasks = {
  analyze: 'update the query planner statistics (ANALYZE)',
  optimize: 'PRAGMA optimize and merge the full-text indexes',
  reindex: 'rebuild every index (REINDEX)',
  vacuum: 'rewrite the file without free pages (VACUUM); reports instead of failing when others hold the database',
} as const;

/** `elf db analyze|optimize|reindex|vacuum`: each prints sizes and pages before and after, and its time. */
export function registerTaskCommands(db: Command, cli: CliContext): void {
  for (const [task, description] of Object.entries(tasks) as Array<[keyof typeof tasks, string]>) {
    db.command(task)
      .description(description)
      .action(
        handler(cli, async (_opts, globals) => {
          const { runMaintenanceTask } = await import('@elf/maintenance');
          await emitStep(
            cli,
            globals,
            (elf) => runMaintenanceTask(elf.database, task),
            (result) =>
              result.status === 'busy'
                ? `${task}: not run — ${result.message}`
                : [
                    `${task}: done in ${result.durationMs} ms`,
                    `  before: ${mb(result.before.fileBytes)} (+ WAL ${mb(result.before.walBytes)}), ${result.before.pageCount} pages, ${result.before.freelistCount} free`,
                    `  after:  ${mb(result.after.fileBytes)} (+ WAL ${mb(result.after.walBytes)}), ${result.after.pageCount} pages, ${result.after.freelistCount} free`,
                  ].join('\n'),
            { create: false },
          );
        }),
      );
  }
}
