import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface ExperimentOptions {
  name: string;
  hypothesis: string;
  domain?: string;
}

interface CycleOptions {
  experimentId: string;
  try?: string;
  break?: string;
  analysis?: string;
  learning?: string;
  heuristicId?: string;
}

/** `elf record experiment --name --hypothesis` and `elf record cycle --experiment-id N …` */
export function registerExperimentCommands(record: Command, cli: CliContext): void {
  record
    .command('experiment')
    .description('start an experiment to test a hypothesis')
    .requiredOption('--name <name>', 'unique name')
    .requiredOption('--hypothesis <text>', 'what you expect and why')
    .option('--domain <domain>', 'area it belongs to')
    .action(
      handler<ExperimentOptions>(cli, async (opts, globals) => {
        const experiment = await withElf(
          cli.io,
          globals,
          (elf) => elf.recordExperiment({ name: opts.name, hypothesis: opts.hypothesis, domain: opts.domain ?? null }),
          { countTokens: true },
        );
        emit(cli.io, globals, experiment, () => `recorded experiment #${experiment.id} "${experiment.name}"`);
      }),
    );

  record
    .command('cycle')
    .description('record the next try → break → analyze → learn cycle of an experiment')
    .requiredOption('--experiment-id <id>', 'the experiment')
    .option('--try <text>', 'what was tried')
    .option('--break <text>', 'how it broke')
    .option('--analysis <text>', 'why')
    .option('--learning <text>', 'what was learned')
    .option('--heuristic-id <id>', 'heuristic that came out of it')
    .action(
      handler<CycleOptions>(cli, async (opts, globals) => {
        const cycle = await withElf(cli.io, globals, (elf) =>
          elf.recordCycle({
            experiment_id: opts.experimentId,
            try_summary: opts.try ?? null,
            break_summary: opts.break ?? null,
            analysis: opts.analysis ?? null,
            learning_extracted: opts.learning ?? null,
            heuristic_id: opts.heuristicId ?? null,
          }),
        );
        emit(
          cli.io,
          globals,
          cycle,
          () => `recorded cycle ${cycle.cycle_number} of experiment #${cycle.experiment_id} (#${cycle.id})`,
        );
      }),
    );
}
