import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { namingFlags, positiveId } from './knowledge-input.js';

interface CompleteOptions {
  conclusion: string;
  heuristic?: string;
  domain?: string;
}

/** `elf experiment complete ID --conclusion [--heuristic RULE] [--domain D]` and `… abandon ID --conclusion`. */
export function registerExperimentCloseCommands(experiment: Command, cli: CliContext): void {
  experiment
    .command('complete <id>')
    .description('complete an active experiment; --heuristic records what it taught, in the same step')
    .requiredOption('--conclusion <text>', 'what the experiment showed')
    .option('--heuristic <rule>', 'a rule learned from it (source experiment, ≤ 500)')
    .option('--domain <domain>', "the heuristic's domain (default: the experiment's)")
    .action(
      handler<CompleteOptions>(cli, async (opts, globals, command) => {
        const id = await positiveId(command.args[0]);
        const { completeExperiment } = await import('@elf/core');
        const done = await withElf(
          cli.io,
          globals,
          (elf) =>
            namingFlags(
              () =>
                completeExperiment(elf.context, {
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
        emit(cli.io, globals, done, () => `completed experiment #${done.experiment.id}${learned}`);
      }),
    );

  experiment
    .command('abandon <id>')
    .description('abandon an active experiment, saying why')
    .requiredOption('--conclusion <text>', 'why it was abandoned')
    .action(
      handler<{ conclusion: string }>(cli, async (opts, globals, command) => {
        const id = await positiveId(command.args[0]);
        const { abandonExperiment } = await import('@elf/core');
        const e = await withElf(cli.io, globals, (elf) =>
          abandonExperiment(elf.context, { id, conclusion: opts.conclusion }),
        );
        emit(cli.io, globals, e, () => `abandoned experiment #${e.id}`);
      }),
    );
}
