import type { Command } from 'commander';
import { spikeLine } from '../../format/text.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { positiveId } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

/** `elf spike rate ID RATING`: usefulness 0..5, kept as a running average. */
export function registerSpikeCommand(program: Command, cli: CliContext): void {
  const spike = program.command('spike').description('rate spike reports');

  spike
    .command('rate <id> <rating>')
    .description('rate how useful a spike report was, 0..5 (usefulness is the average of all ratings)')
    .action(
      handler<Record<string, never>>(cli, async (_opts, globals, command) => {
        const id = await positiveId(command.args[0]);
        const { rateSpikeReport } = await import('@elf/core');
        const s = await withElf(cli.io, globals, (elf) =>
          rateSpikeReport(elf.core, { id, rating: command.args[1] ?? '' }),
        );
        emit(
          cli.io,
          globals,
          s,
          () => `rated (${s.access_count} rating${s.access_count === 1 ? '' : 's'}): ${spikeLine(s)}`,
        );
      }),
    );
}
