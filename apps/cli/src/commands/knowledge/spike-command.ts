import type { Command } from 'commander';
import { spikeLine } from '../../format/text.js';
import type { CliContext } from '../../runtime/handler.js';
import { itemAction } from '../../runtime/item-action.js';

/** `elf spike rate ID RATING`: usefulness 0..5, kept as a running average. */
export function registerSpikeCommand(program: Command, cli: CliContext): void {
  const spike = program.command('spike').description('rate spike reports');

  spike
    .command('rate <id> <rating>')
    .description('rate how useful a spike report was, 0..5 (usefulness is the average of all ratings)')
    .action(
      itemAction(
        cli,
        ({ core, elf, id, args }) => core.rateSpikeReport(elf.core, { id, rating: args[1] ?? '' }),
        (s) => `rated (${s.access_count} rating${s.access_count === 1 ? '' : 's'}): ${spikeLine(s)}`,
      ),
    );
}
