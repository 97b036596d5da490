import type { Command } from 'commander';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { positiveId } from '../../runtime/number-option.js';
import { invalidInput, namingFlags } from './knowledge-input.js';

interface CycleOptions {
  try?: string;
  break?: string;
  analyze?: string;
  learn?: string;
  next?: string;
}

/** Core's field names, as this command spells them. */
const cycleFlags = {
  experiment_id: 'id',
  try_summary: '--try',
  break_summary: '--break',
  analysis: '--analyze',
  learning_extracted: '--learn',
  next_step: '--next',
};

/** `elf experiment cycle ID [--try] [--break] [--analyze] [--learn] [--next]` (at least one). */
export function registerExperimentCycleCommand(experiment: Command, cli: CliContext): void {
  experiment
    .command('cycle <id>')
    .description('record the next cycle of an active experiment (numbered after the last)')
    .option('--try <text>', 'what was tried')
    .option('--break <text>', 'how it broke')
    .option('--analyze <text>', 'why it broke')
    .option('--learn <text>', 'what was learned')
    .option('--next <text>', 'what to try next')
    .action(
      handler<CycleOptions>(cli, async (opts, globals, command) => {
        const id = await positiveId(command.args[0]);
        const given = [opts.try, opts.break, opts.analyze, opts.learn, opts.next];
        if (given.every((text) => text === undefined || text.trim() === '')) {
          await invalidInput('cycle', 'give at least one of --try, --break, --analyze, --learn, --next');
        }
        await emitStep(
          cli,
          globals,
          namingFlags(cycleFlags, (elf) =>
            elf.recordCycle({
              experiment_id: id,
              try_summary: opts.try ?? null,
              break_summary: opts.break ?? null,
              analysis: opts.analyze ?? null,
              learning_extracted: opts.learn ?? null,
              next_step: opts.next ?? null,
            }),
          ),
          (cycle) => `recorded cycle ${cycle.cycle_number} of experiment #${cycle.experiment_id}`,
        );
      }),
    );
}
