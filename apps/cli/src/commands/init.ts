import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { resolveDatabasePath } from '../runtime/database-path.js';
import { type CliContext, handler } from '../runtime/handler.js';
import { withElf } from '../runtime/open-elf.js';
import { emit } from '../runtime/output.js';

/** `elf init`: creates (or upgrades) the database; safe to run again. */
export function registerInitCommand(program: Command, cli: CliContext): void {
  program
    .command('init')
    .description('create the database (or bring it up to date); safe to run again')
    .action(
      handler(cli, async (_opts, globals) => {
        const path = resolveDatabasePath(globals, cli.io);
        const existed = path !== ':memory:' && existsSync(path);
        const result = await withElf(cli.io, globals, async (elf) => ({
          path: elf.path,
          schema_version: elf.schemaVersion,
          created: !existed,
          project: elf.projectPath,
        }));
        emit(cli.io, globals, result, () =>
          [
            `${result.created ? 'created' : 'database ready'}: ${result.path}`,
            `schema version: ${result.schema_version}`,
          ].join('\n'),
        );
      }),
    );
}
