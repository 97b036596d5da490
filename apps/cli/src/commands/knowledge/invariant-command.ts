import type { Command } from 'commander';
import { invariantLine } from '../../format/text.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { positiveId } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

/** `elf invariant validate ID` and `elf invariant violate ID [--note TEXT]`. */
export function registerInvariantCommand(program: Command, cli: CliContext): void {
  const invariant = program.command('invariant').description('record checks and violations of invariants');

  invariant
    .command('validate <id>')
    .description('note that the invariant was checked and held')
    .action(
      handler<Record<string, never>>(cli, async (_opts, globals, command) => {
        const id = await positiveId(command.args[0]);
        const { validateInvariant } = await import('@elf/core');
        const i = await withElf(cli.io, globals, (elf) => validateInvariant(elf.core, { id }));
        emit(cli.io, globals, i, () => `validated: ${invariantLine(i)}`);
      }),
    );

  invariant
    .command('violate <id>')
    .description('count a violation (status violated from the 3rd on)')
    .option('--note <text>', 'what broke it, appended to its rationale with the date (≤ 2,000)')
    .action(
      handler<{ note?: string }>(cli, async (opts, globals, command) => {
        const id = await positiveId(command.args[0]);
        const { violateInvariant } = await import('@elf/core');
        const i = await withElf(cli.io, globals, (elf) => violateInvariant(elf.core, { id, note: opts.note ?? null }));
        emit(cli.io, globals, i, () => `violation ${i.violation_count} recorded: ${invariantLine(i)}`);
      }),
    );
}
