import type { Command } from 'commander';
import { assumptionLine } from '../../format/text.js';
import type { CliContext } from '../../runtime/handler.js';
import { type ItemStep, itemAction } from '../../runtime/item-action.js';

/** `elf assumption verify|challenge ID [--note TEXT]`: evidence for or against an assumption. */
export function registerAssumptionCommand(program: Command, cli: CliContext): void {
  const assumption = program
    .command('assumption')
    .description('verify or challenge assumptions; confidence = verified / (verified + challenged)');

  for (const kind of ['verify', 'challenge'] as const) {
    assumption
      .command(`${kind} <id>`)
      .description(
        kind === 'verify'
          ? 'count a confirmation (verified from the 3rd on, unless challenged below 0.3)'
          : 'count evidence against it (challenged below 0.3, invalidated at 0)',
      )
      .option('--note <text>', 'the evidence, appended to its context with the date (≤ 2,000)')
      .action(
        itemAction(
          cli,
          ({ core, elf, id, opts }: ItemStep<{ note?: string }>) =>
            (kind === 'verify' ? core.verifyAssumption : core.challengeAssumption)(elf.core, {
              id,
              note: opts.note ?? null,
            }),
          (a) => `${kind === 'verify' ? 'verified' : 'challenged'}: ${assumptionLine(a)}`,
        ),
      );
  }
}
