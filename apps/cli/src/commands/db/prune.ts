import type { Command } from 'commander';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { integerOption } from '../../runtime/number-option.js';

/** `elf db prune --older-than DAYS`: removes old telemetry only, never knowledge. */
export function registerPruneCommand(db: Command, cli: CliContext): void {
  db.command('prune')
    .description('delete query log, metrics, trails and old sessions’ hook state older than N days (never knowledge)')
    .requiredOption('--older-than <days>', 'age in days, 1..36500')
    .action(
      handler<{ olderThan: string }>(cli, async (opts, globals) => {
        const days = await integerOption(opts.olderThan, 'older_than', 1, 36_500);
        const { pruneTelemetry } = await import('@elf/maintenance');
        await emitStep(
          cli,
          globals,
          (elf) => pruneTelemetry(elf.db, { olderThanDays: days }),
          (result) =>
            `pruned telemetry older than ${days} days (before ${result.cutoff}): ${Object.entries(result.deleted)
              .map(([table, n]) => `${table} ${n}`)
              .join(
                ', ',
              )}; hook state of ${result.sessionState.sessions} old sessions (${result.sessionState.rows} rows)`,
          { create: false },
        );
      }),
    );
}
