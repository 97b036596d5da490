import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { positiveId } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { namingFlags } from './knowledge-input.js';

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
          const done = await withElf(
            cli.io,
            globals,
            (elf) =>
              namingFlags(
                () =>
                  close(elf.core, {
                    id,
                    conclusion: opts.conclusion,
                    heuristic:
                      opts.heuristic !== undefined ? { rule: opts.heuristic, domain: opts.domain ?? null } : null,
                  }),
                { 'heuristic.rule': '--heuristic', 'heuristic.domain': '--domain' },
              ),
            { countTokens: opts.heuristic !== undefined },
          );
          const h = done.heuristic;
          const learned = h
            ? h.mergedInto !== undefined
              ? `; the rule repeated heuristic #${h.mergedInto}, which was reinforced`
              : `; recorded heuristic #${h.id} [${h.domain}]`
            : '';
          emit(cli.io, globals, done, () => `${status} experiment #${done.experiment.id}${learned}`);
        }),
      );
  }
}
