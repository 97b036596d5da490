import type { RecordedHeuristic } from '@elf/core';
import type { Command } from 'commander';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { positiveId } from '../../runtime/number-option.js';
import { namingFlags } from './knowledge-input.js';

/** What closing taught, as the tail of the line: a new heuristic, or the one the rule repeated. */
function learnedText(h: RecordedHeuristic | null): string {
  if (!h) return '';
  return h.mergedInto !== undefined
    ? `; the rule repeated heuristic #${h.mergedInto}, which was reinforced`
    : `; recorded heuristic #${h.id} [${h.domain}]`;
}

interface CompleteOptions {
  conclusion: string;
  heuristic?: string;
  domain?: string;
}

/** `elf experiment complete|abandon ID --conclusion TEXT [--heuristic RULE] [--domain D]`. */
export function registerExperimentCloseCommands(experiment: Command, cli: CliContext): void {
  for (const [name, status, description, conclusion] of [
    [
      'complete',
      'completed',
      'complete an active experiment; --heuristic records what it taught, in the same step',
      'what the experiment showed',
    ],
    [
      'abandon',
      'abandoned',
      'abandon an active experiment, saying why; --heuristic records what it taught',
      'why it was abandoned',
    ],
  ] as const) {
    experiment
      .command(`${name} <id>`)
      .description(description)
      .requiredOption('--conclusion <text>', conclusion)
      .option('--heuristic <rule>', 'a rule learned from it (source experiment, ≤ 500)')
      .option('--domain <domain>', "the heuristic's domain (default: the experiment's)")
      .action(
        handler<CompleteOptions>(cli, async (opts, globals, command) => {
          const id = await positiveId(command.args[0]);
          const core = await import('@elf/core');
          const close = name === 'complete' ? core.completeExperiment : core.abandonExperiment;
          await emitStep(
            cli,
            globals,
            namingFlags({ 'heuristic.rule': '--heuristic', 'heuristic.domain': '--domain' }, (elf) =>
              close(elf.core, {
                id,
                conclusion: opts.conclusion,
                heuristic: opts.heuristic !== undefined ? { rule: opts.heuristic, domain: opts.domain ?? null } : null,
              }),
            ),
            (done) => `${status} experiment #${done.experiment.id}${learnedText(done.heuristic)}`,
            { countTokens: opts.heuristic !== undefined },
          );
        }),
      );
  }
}
