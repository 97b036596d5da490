import type { Command } from 'commander';
import { type CliContext, handler } from '../runtime/handler.js';
import { withElf } from '../runtime/open-elf.js';
import { emit } from '../runtime/output.js';

/** `elf validate`: integrity, foreign keys, schema, full-text indexes; exit 2 when not valid. */
export function registerValidateCommand(program: Command, cli: CliContext): void {
  program
    .command('validate')
    .description('check the database: integrity, foreign keys, tables, indexes, full-text indexes')
    .action(
      handler(cli, async (_opts, globals) => {
        const report = await withElf(cli.io, globals, (elf) => elf.validateDatabase());
        emit(cli.io, globals, report, () => {
          const lines = [`database validation: ${report.valid ? 'PASSED' : 'FAILED'}`];
          lines.push(`  integrity: ${report.checks.integrity}`, `  foreign keys: ${report.checks.foreign_keys}`);
          lines.push(
            `  schema version: ${report.checks.schema_version.stored} (expected ${report.checks.schema_version.expected})`,
          );
          for (const [table, status] of Object.entries(report.checks.full_text)) lines.push(`  ${table}: ${status}`);
          for (const error of report.errors) lines.push(`  error: ${error}`);
          for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
          return lines.join('\n');
        });
        if (!report.valid) {
          const { ElfError } = await import('@elf/core');
          throw new ElfError('DATABASE', `database is not valid: ${report.errors.join('; ')}`);
        }
      }),
    );
}
