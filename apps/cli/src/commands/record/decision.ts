import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface DecisionOptions {
  title: string;
  context: string;
  decision: string;
  rationale: string;
  options?: string;
  domain?: string;
  files?: string;
  tests?: string;
}

/** `elf record decision --title --context --decision --rationale [--options] [--domain]` */
export function registerDecisionCommand(record: Command, cli: CliContext): void {
  record
    .command('decision')
    .description('record an architecture decision (ADR)')
    .requiredOption('--title <text>', 'short name of the decision')
    .requiredOption('--context <text>', 'the situation that called for it')
    .requiredOption('--decision <text>', 'what was decided')
    .requiredOption('--rationale <text>', 'why')
    .option('--options <text>', 'the options that were considered')
    .option('--domain <domain>', 'area it applies to (default: all)')
    .option('--files <a,b>', 'files it touched')
    .option('--tests <a,b>', 'tests added for it')
    .action(
      handler<DecisionOptions>(cli, async (opts, globals) => {
        const decision = await withElf(
          cli.io,
          globals,
          (elf) =>
            elf.recordDecision({
              title: opts.title,
              context: opts.context,
              decision: opts.decision,
              rationale: opts.rationale,
              options: opts.options ?? null,
              domain: opts.domain ?? null,
              files_touched: opts.files ?? null,
              tests_added: opts.tests ?? null,
            }),
          { countTokens: true },
        );
        emit(cli.io, globals, decision, () => `recorded decision #${decision.id}`);
      }),
    );
}
