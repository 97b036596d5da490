import type { Command } from 'commander';
import { invariantLine } from '../../format/text.js';
import type { CliContext } from '../../runtime/handler.js';
import { type ItemStep, itemAction } from '../../runtime/item-action.js';

/** `elf invariant validate ID` and `elf invariant violate ID [--note TEXT]`. */
export function registerInvariantCommand(program: Command, cli: CliContext): void {
  const invariant = program.command('invariant').description('record checks and violations of invariants');

  invariant
    .command('validate <id>')
    .description('note that the invariant was checked and held')
    .action(
      itemAction(
        cli,
        ({ core, elf, id }) => core.validateInvariant(elf.core, { id }),
        (i) => `validated: ${invariantLine(i)}`,
      ),
    );

  invariant
    .command('violate <id>')
    .description('count a violation (status violated from the 3rd on)')
    .option('--note <text>', 'what broke it, appended to its rationale with the date (≤ 2,000)')
    .action(
      itemAction(
        cli,
        ({ core, elf, id, opts }: ItemStep<{ note?: string }>) =>
          core.violateInvariant(elf.core, { id, note: opts.note ?? null }),
        (i) => `violation ${i.violation_count} recorded: ${invariantLine(i)}`,
      ),
    );
}
