import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface HeuristicOptions {
  domain: string;
  rule: string;
  explanation?: string;
  confidence?: string;
  source?: string;
  category?: string;
  global?: boolean;
  force?: boolean;
}

/**
 * `elf record heuristic --domain --rule [--explanation] [--confidence] [--source] [--global] [--force]`.
 * A rule that nearly repeats an active one of its domain reinforces that one instead (unless --force).
 */
export function registerHeuristicCommand(record: Command, cli: CliContext): void {
  record
    .command('heuristic')
    .description('record a rule of thumb with a confidence; scoped to this project unless --global')
    .requiredOption('--domain <domain>', 'area it applies to')
    .requiredOption('--rule <text>', 'the rule, e.g. "Always run the tests before committing" (≤ 500)')
    .option('--explanation <text>', 'why it holds (≤ 5,000 characters)')
    .option('--confidence <value>', '0..1 or low|medium|high', '0.5')
    .option('--source <type>', 'where it came from: failure|success|observation|manual', 'observation')
    .option('--category <name>', 'golden-rule category, e.g. core')
    .option('--global', 'apply in every project, not only the current one')
    .option('--force', 'add it even when an active heuristic of the domain nearly repeats it')
    .action(
      handler<HeuristicOptions>(cli, async (opts, globals) => {
        const heuristic = await withElf(
          cli.io,
          globals,
          (elf) =>
            elf.recordHeuristic({
              domain: opts.domain,
              rule: opts.rule,
              explanation: opts.explanation ?? null,
              confidence: opts.confidence,
              source: opts.source,
              category: opts.category ?? null,
              ...(opts.global ? { project_path: null } : {}),
              force: opts.force === true,
            }),
          { countTokens: true },
        );
        const { mergedInto, previousConfidence, ...row } = heuristic;
        if (mergedInto !== undefined) {
          const data = { ...row, merged_into: mergedInto, previous_confidence: previousConfidence };
          emit(
            cli.io,
            globals,
            data,
            () => `merged into #${mergedInto} (confidence ${previousConfidence} → ${row.confidence})`,
          );
          return;
        }
        const scope = row.project_path ? `project ${row.project_path}` : 'global';
        emit(
          cli.io,
          globals,
          { ...row, merged_into: null },
          () => `recorded heuristic #${row.id} [${row.domain}] (${scope})`,
        );
      }),
    );
}
