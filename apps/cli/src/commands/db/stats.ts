import type { Command } from 'commander';
import { kb, mb } from '../../format/bytes.js';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';

/** `elf db stats`: rows per table, table and index sizes, pages, free pages, WAL size. */
export function registerStatsCommand(db: Command, cli: CliContext): void {
  db.command('stats')
    .description('rows per table, table and index sizes (dbstat), page count, free pages, WAL size')
    .action(
      handler(cli, async (_opts, globals) => {
        const { databaseStats } = await import('@elf/maintenance');
        await emitStep(
          cli,
          globals,
          (elf) => databaseStats(elf.database),
          (stats) => {
            const lines = [
              `${stats.path}: ${mb(stats.fileBytes)}, WAL ${mb(stats.walBytes)}, ${stats.pageCount} pages of ${stats.pageSize} bytes, ${stats.freelistCount} free`,
              `${'table'.padEnd(22)} ${'rows'.padStart(9)} ${'table'.padStart(10)} ${'indexes'.padStart(10)}`,
            ];
            for (const t of stats.tables) {
              lines.push(
                `${t.name.padEnd(22)} ${String(t.rows ?? '-').padStart(9)} ${kb(t.tableBytes).padStart(10)} ${kb(t.indexBytes).padStart(10)}`,
              );
            }
            return lines.join('\n');
          },
          { create: false },
        );
      }),
    );
}
