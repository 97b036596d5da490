import type { HeuristicStatus } from '@elf/schema';
import { type Command, Option } from 'commander';
import { scopeText } from '../../format/text.js';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { itemAction } from '../../runtime/item-action.js';
import { integerOption, positiveId } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { registerHeuristicEditCommands } from './heuristic-edits.js';
import { heuristicLine, historyLine } from './heuristic-format.js';
import { registerHeuristicOutcomeCommands } from './heuristic-outcomes.js';
import { registerHeuristicScopeCommand } from './heuristic-scope.js';

// Spelled out rather than imported: loading @elf/schema at startup would load kysely for --help.
const statuses = ['active', 'dormant', 'archived', 'retracted', 'superseded', 'all'] as const satisfies ReadonlyArray<
  HeuristicStatus | 'all'
>;

/** `elf heuristic …` — a heuristic's whole life: list, show, outcomes, promotion, history. */
export function registerHeuristicCommand(program: Command, cli: CliContext): void {
  const heuristic = program
    .command('heuristic')
    .description("inspect and change heuristics' confidence, standing and scope");

  heuristic
    .command('list')
    .description('heuristics of this project and global ones, golden rules first, then by confidence')
    .addOption(new Option('--status <status>', 'standing to list').choices(statuses).default('active'))
    .option('--domain <domain>', 'only this domain')
    .option('--golden', 'only golden rules')
    .option('--limit <n>', 'at most this many, 1..10000', '100')
    .action(
      handler<{ status: HeuristicStatus | 'all'; domain?: string; golden?: boolean; limit: string }>(
        cli,
        async (opts, globals) => {
          const limit = await integerOption(opts.limit, 'limit', 1, 10_000);
          const { listHeuristics } = await import('@elf/core');
          await emitStep(
            cli,
            globals,
            async (elf) => ({
              heuristics: await listHeuristics(elf.core, {
                status: opts.status,
                domain: opts.domain ?? null,
                ...(opts.golden ? { golden: true } : {}),
                limit,
              }),
            }),
            ({ heuristics }) =>
              heuristics.length === 0
                ? `no ${opts.status === 'all' ? '' : `${opts.status} `}heuristics`
                : heuristics.map((h) => `${heuristicLine(h)} (${scopeText(h)})`).join('\n'),
          );
        },
      ),
    );

  heuristic
    .command('show <id>')
    .description('one heuristic with its record and its latest confidence changes')
    .action(
      handler<Record<string, never>>(cli, async (_opts, globals, command) => {
        const id = await positiveId(command.args[0]);
        const { heuristicHistory } = await import('@elf/core');
        const { heuristic: h, updates } = await withElf(cli.io, globals, (elf) => heuristicHistory(elf.core, id));
        emit(cli.io, globals, { heuristic: h, recent_updates: updates.slice(-10) }, () =>
          [
            heuristicLine(h),
            h.explanation ? `  why: ${h.explanation}` : null,
            `  status ${h.status}${h.status_changed_at ? ` since ${h.status_changed_at}` : ''}; validated ${h.times_validated}, violated ${h.times_violated}, contradicted ${h.times_contradicted}, consulted ${h.times_consulted}`,
            `  source ${h.source_type}; ${scopeText(h)}; last used ${h.last_used_at ?? 'never'}`,
            updates.length > 0 ? `  latest changes (of ${updates.length}; all: elf heuristic history ${h.id}):` : null,
            ...updates.slice(-10).map((u) => `    ${historyLine(u)}`),
          ]
            .filter((line) => line !== null)
            .join('\n'),
        );
      }),
    );

  heuristic
    .command('history <id>')
    .description('every audited change of a heuristic: outcomes, decay, promotion, retraction, merges')
    .action(
      itemAction(
        cli,
        ({ core, elf, id }) => core.heuristicHistory(elf.core, id),
        (history) => [heuristicLine(history.heuristic), ...history.updates.map(historyLine)].join('\n'),
      ),
    );

  registerHeuristicOutcomeCommands(heuristic, cli);
  registerHeuristicEditCommands(heuristic, cli);
  registerHeuristicScopeCommand(heuristic, cli);
}
