import type { Elf, RecordCycleInput, RecordExperimentInput } from '@elf/core';
import { recordSubcommand } from './record-subcommand.js';

/** `elf record experiment --name --hypothesis [--domain]` */
export const registerExperimentCommand = recordSubcommand({
  name: 'experiment',
  description: 'start an experiment to test a hypothesis',
  required: [
    ['name', '--name <name>', 'unique name'],
    ['hypothesis', '--hypothesis <text>', 'what you expect and why'],
  ],
  optional: [['domain', '--domain <domain>', 'area it belongs to']],
  record: (elf: Elf, input: RecordExperimentInput) => elf.recordExperiment(input),
  text: (experiment) => `recorded experiment #${experiment.id} "${experiment.name}"`,
  countTokens: true,
});

/** `elf record cycle --experiment-id N [--try] [--break] [--analysis] [--learning] [--heuristic-id]` */
export const registerCycleCommand = recordSubcommand({
  name: 'cycle',
  description: 'record the next try → break → analyze → learn cycle of an experiment',
  required: [['experiment_id', '--experiment-id <id>', 'the experiment']],
  optional: [
    ['try_summary', '--try <text>', 'what was tried'],
    ['break_summary', '--break <text>', 'how it broke'],
    ['analysis', '--analysis <text>', 'why'],
    ['learning_extracted', '--learning <text>', 'what was learned'],
    ['heuristic_id', '--heuristic-id <id>', 'heuristic that came out of it'],
  ],
  record: (elf: Elf, input: RecordCycleInput) => elf.recordCycle(input),
  text: (cycle) => `recorded cycle ${cycle.cycle_number} of experiment #${cycle.experiment_id} (#${cycle.id})`,
  // Core stores no token count for a cycle: the tokenizer would load for nothing.
  countTokens: false,
});
