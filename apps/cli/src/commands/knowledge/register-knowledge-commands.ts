import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { registerAssumptionCommand } from './assumption-command.js';
import { registerExperimentCommand } from './experiment-command.js';
import { registerInvariantCommand } from './invariant-command.js';
import { registerReviewCommand } from './review-command.js';
import { registerSpikeCommand } from './spike-command.js';

/** `elf assumption|invariant|spike|experiment|review …` — the other knowledge types' lifecycle. */
export function registerKnowledgeCommands(program: Command, cli: CliContext): void {
  registerAssumptionCommand(program, cli);
  registerInvariantCommand(program, cli);
  registerSpikeCommand(program, cli);
  registerExperimentCommand(program, cli);
  registerReviewCommand(program, cli);
}
