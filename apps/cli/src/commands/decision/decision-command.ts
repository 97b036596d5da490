import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { positiveId } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

/** `elf decision supersede ID --by NEW_ID [--reason TEXT]` */
export function registerDecisionCommand(program: Command, cli: CliContext): void {
  const decision = program.command('decision').description('change the standing of architecture decisions');
  decision
    .command('supersede')
    .description('mark a decision superseded by a newer one (accepted or proposed)')
    .argument('<id>', 'the decision replaced')
    .requiredOption('--by <new-id>', 'the decision that replaces it')
    .option('--reason <text>', 'why, kept with the old decision (≤ 2,000 characters)')
    .action(
      handler<{ by: string; reason?: string }>(cli, async (opts, globals, command) => {
        const id = await positiveId(command.args[0], 'id');
        const by = await positiveId(opts.by, 'by');
        const d = await withElf(cli.io, globals, async (elf) =>
          (await import('@elf/core')).supersedeDecision(elf.core, { id, by, reason: opts.reason ?? null }),
        );
        emit(cli.io, globals, d, () => `decision #${d.id} superseded by #${d.superseded_by}`);
      }),
    );
}
