import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { registerAssumptionCommand } from './assumption.js';
import { registerDecisionCommand } from './decision.js';
import { registerCycleCommand, registerExperimentCommand } from './experiment.js';
import { registerHeuristicCommand } from './heuristic.js';
import { registerInvariantCommand } from './invariant.js';
import { registerLearningCommands } from './learning.js';
import { registerReviewCommand } from './review.js';
import { registerSpikeCommand } from './spike.js';
import { registerViolationCommand } from './violation.js';

/** `elf record <type> …`: one subcommand per knowledge type. */
export function registerRecordCommand(program: Command, cli: CliContext): void {
  const record = program
    .command('record')
    .description('record a learning, heuristic, decision, assumption, invariant, spike, violation or experiment');
  registerLearningCommands(record, cli);
  registerHeuristicCommand(record, cli);
  registerDecisionCommand(record, cli);
  registerAssumptionCommand(record, cli);
  registerInvariantCommand(record, cli);
  registerSpikeCommand(record, cli);
  registerViolationCommand(record, cli);
  registerExperimentCommand(record, cli);
  registerCycleCommand(record, cli);
  registerReviewCommand(record, cli);
}
