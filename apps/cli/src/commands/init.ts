import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { resolveDatabasePath } from '../runtime/database-path.js';
import { type CliContext, handler } from '../runtime/handler.js';
import { withElf } from '../runtime/open-elf.js';
import { emit } from '../runtime/output.js';
import { loadTokenizer } from '../runtime/tokenizer.js';

/** `elf init`: creates (or upgrades) the database, seeding starter golden rules; safe to run again. */
export function registerInitCommand(program: Command, cli: CliContext): void {
  program
    .command('init')
    .description('create the database (or bring it up to date); safe to run again')
    .action(
      handler(cli, async (_opts, globals) => {
        const path = resolveDatabasePath(globals, cli.io);
        const existed = path !== ':memory:' && existsSync(path);
        const result = await withElf(cli.io, globals, async (elf) => {
          // init is never on a hot path: count what has no token count yet (imports, edits).
          const filled = await elf.fillTokenCounts(await loadTokenizer());
          const golden = await elf.goldenRules({ limit: 1000 });
          return {
            path: elf.path,
            schema_version: elf.schemaVersion,
            created: !existed,
            project: elf.projectPath,
            golden_rules: golden.rules.length,
            token_counts_filled: filled.total,
          };
        });
        emit(cli.io, globals, result, () =>
          [
            `${result.created ? 'created' : 'database ready'}: ${result.path}`,
            `schema version: ${result.schema_version}`,
            `golden rules: ${result.golden_rules}${result.created ? ' (starters; retract or edit them freely)' : ''}`,
          ].join('\n'),
        );
      }),
    );
}
