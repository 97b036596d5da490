import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { supersedeAction } from '../../runtime/supersede-action.js';

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
      supersedeAction(cli, 'decision', (core, elf, supersession) => core.supersedeDecision(elf.core, supersession)),
    );
}
