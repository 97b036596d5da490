import type { Command } from 'commander';
import { assumptionLine } from '../../format/text.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { positiveId } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

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
        handler<{ note?: string }>(cli, async (opts, globals, command) => {
          const id = await positiveId(command.args[0]);
          const { challengeAssumption, verifyAssumption } = await import('@elf/core');
          const update = kind === 'verify' ? verifyAssumption : challengeAssumption;
          const a = await withElf(cli.io, globals, (elf) => update(elf.core, { id, note: opts.note ?? null }));
          emit(cli.io, globals, a, () => `${kind === 'verify' ? 'verified' : 'challenged'}: ${assumptionLine(a)}`);
        }),
      );
  }
}
