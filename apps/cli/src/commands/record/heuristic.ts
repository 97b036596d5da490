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
}

/** `elf record heuristic --domain --rule [--explanation] [--confidence] [--source] [--global]` */
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
            }),
          { countTokens: true },
        );
        const scope = heuristic.project_path ? `project ${heuristic.project_path}` : 'global';
        emit(cli.io, globals, heuristic, () => `recorded heuristic #${heuristic.id} [${heuristic.domain}] (${scope})`);
      }),
    );
}
