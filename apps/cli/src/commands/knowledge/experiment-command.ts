import type { Cycle } from '@elf/core';
import { type Command, Option } from 'commander';
import { experimentLine } from '../../format/text.js';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { itemAction } from '../../runtime/item-action.js';
import { integerOption } from '../../runtime/number-option.js';
import { registerExperimentCloseCommands } from './experiment-close.js';
import { registerExperimentCycleCommand } from './experiment-cycle.js';

// Spelled out rather than imported: loading @elf/schema at startup would load kysely for --help.
const statuses = ['active', 'completed', 'abandoned'] as const;

const steps: Array<[label: string, key: keyof Cycle]> = [
  ['try', 'try_summary'],
  ['break', 'break_summary'],
  ['analyze', 'analysis'],
  ['learn', 'learning_extracted'],
  ['next', 'next_step'],
];

function cycleText(c: Cycle): string {
  const lines = steps.filter(([, key]) => c[key] !== null).map(([label, key]) => `    ${label}: ${String(c[key])}`);
  if (c.heuristic_id !== null) lines.push(`    heuristic: #${c.heuristic_id}`);
  return [`  cycle ${c.cycle_number}  ${c.created_at.slice(0, 10)}`, ...lines].join('\n');
}

/** `elf experiment list|show|cycle|complete|abandon`: experiments from hypothesis to conclusion. */
export function registerExperimentCommand(program: Command, cli: CliContext): void {
  const experiment = program
    .command('experiment')
    .description('run experiments: try → break → analyze → learn → next cycles, then a conclusion');

  experiment
    .command('list')
    .description('experiments by status, newest first')
    .addOption(new Option('--status <status>', 'which experiments').choices(statuses).default('active'))
    .option('--limit <n>', 'at most this many, 1..1000', '20')
    .action(
      handler<{ status: (typeof statuses)[number]; limit: string }>(cli, async (opts, globals) => {
        const limit = await integerOption(opts.limit, 'limit', 1, 1000);
        const { listExperiments } = await import('@elf/core');
        await emitStep(
          cli,
          globals,
          (elf) => listExperiments(elf.core, { status: opts.status, limit }),
          (result) =>
            result.experiments.length === 0
              ? `no ${opts.status} experiments`
              : result.experiments.map(experimentLine).join('\n'),
        );
      }),
    );

  experiment
    .command('show <id>')
    .description('an experiment with its cycles in order')
    .action(
      itemAction(
        cli,
        ({ core, elf, id }) => core.getExperiment(elf.core, id),
        ({ experiment: e, cycles }) =>
          [
            experimentLine(e),
            e.conclusion ? `  conclusion: ${e.conclusion}` : null,
            cycles.length === 0 ? '  no cycles yet' : null,
            ...cycles.map(cycleText),
          ]
            .filter((line) => line !== null)
            .join('\n'),
      ),
    );

  registerExperimentCycleCommand(experiment, cli);
  registerExperimentCloseCommands(experiment, cli);
}
