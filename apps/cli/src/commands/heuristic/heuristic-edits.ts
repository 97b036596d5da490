import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { type ItemStep, itemAction } from '../../runtime/item-action.js';
import { positiveId } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { supersedeAction } from '../../runtime/supersede-action.js';

function registerRetract(heuristic: Command, cli: CliContext): void {
  heuristic
    .command('retract')
    .description('withdraw a heuristic found to be wrong: kept with the reason, never injected again')
    .argument('<id>', 'the heuristic')
    .requiredOption('--reason <text>', 'why it is wrong (≤ 2,000 characters)')
    .action(
      itemAction(
        cli,
        ({ core, elf, id, opts }: ItemStep<{ reason: string }>) =>
          core.retractHeuristic(elf.core, { id, reason: opts.reason }),
        (h) => `retracted heuristic #${h.id} [${h.domain}]: ${h.status_reason ?? ''}`,
      ),
    );
}

function registerSupersede(heuristic: Command, cli: CliContext): void {
  heuristic
    .command('supersede')
    .description('retire a heuristic in favour of a better one (which must be active)')
    .argument('<id>', 'the heuristic to retire')
    .requiredOption('--by <new-id>', 'the heuristic that replaces it')
    .option('--reason <text>', 'why (≤ 2,000 characters)')
    .action(
      supersedeAction(cli, 'heuristic', (core, elf, supersession) => core.supersedeHeuristic(elf.core, supersession)),
    );
}

function registerMerge(heuristic: Command, cli: CliContext): void {
  heuristic
    .command('merge')
    .description('merge heuristic B into A: A keeps the pooled evidence, B is superseded by A')
    .argument('<a>', 'the heuristic to keep')
    .argument('<b>', 'the heuristic merged into it')
    .option('--force', 'merge even when the two are in different domains')
    .action(
      handler<{ force?: boolean }>(cli, async (opts, globals, command) => {
        const keep = await positiveId(command.args[0], 'keep');
        const from = await positiveId(command.args[1], 'from');
        const r = await withElf(cli.io, globals, async (elf) =>
          (await import('@elf/core')).mergeHeuristics(elf.core, { keep, from, force: opts.force === true }),
        );
        const data = { kept: r.kept, merged: r.merged, old_confidence: r.oldConfidence };
        emit(
          cli.io,
          globals,
          data,
          () => `merged #${r.merged.id} into #${r.kept.id} (confidence ${r.oldConfidence} → ${r.kept.confidence})`,
        );
      }),
    );
}

/** `elf heuristic retract|supersede|merge` — retiring wrong or duplicate rules, kept with the reason. */
export function registerHeuristicEditCommands(heuristic: Command, cli: CliContext): void {
  registerRetract(heuristic, cli);
  registerSupersede(heuristic, cli);
  registerMerge(heuristic, cli);
}
