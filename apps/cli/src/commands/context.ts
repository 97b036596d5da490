import { type Command, Option } from 'commander';
import { type CliContext, handler } from '../runtime/handler.js';
import { withElf } from '../runtime/open-elf.js';
import { loadTokenizer } from '../runtime/tokenizer.js';

interface ContextOptions {
  task?: string;
  domain?: string;
  tags?: string;
  category?: string;
  maxTokens?: string;
  depth?: string;
  format?: string;
  cwd?: string;
  explain?: boolean;
  tokenizer?: string;
}

/**
 * `elf context`: the relevance-ranked, token-budgeted context an agent reads before it works.
 * The default tokenizer setting never loads a tokenizer (stored counts and safe bounds).
 */
export function registerContextCommand(program: Command, cli: CliContext): void {
  program
    .command('context')
    .description('print the context for a task: golden rules and the most relevant knowledge, within a token budget')
    .option('--task <text>', 'what the agent is about to do')
    .option('--domain <domain>', 'domain of the task (default: inferred from the task)')
    .option('--tags <a,b>', 'tags to match as well')
    .option('--category <names>', 'golden-rule categories to keep (comma-separated)')
    .option('--max-tokens <n>', 'token budget, 100..50000', '2000')
    .addOption(
      new Option('--depth <depth>', 'how much to include').choices(['minimal', 'standard', 'deep']).default('standard'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('--cwd <dir>', 'working directory whose project is used (default: the current one)')
    .option('--explain', 'list every candidate with its score and why it was included or left out')
    .addOption(
      new Option(
        '--tokenizer <name>',
        'o200k: stored counts, no tokenizer loaded; o200k-exact: load it; chars4: characters ÷ 4',
      )
        .choices(['o200k', 'o200k-exact', 'chars4'])
        .default('o200k'),
    )
    .action(
      handler<ContextOptions>(cli, async (opts, globals) => {
        const { ContextBuilder } = await import('@elf/context');
        const { charsDividedByFour } = await import('@elf/core');
        const tokenCounter =
          opts.tokenizer === 'o200k-exact'
            ? await loadTokenizer()
            : opts.tokenizer === 'chars4'
              ? charsDividedByFour
              : undefined;
        const result = await withElf(cli.io, globals, (elf) =>
          new ContextBuilder(elf, tokenCounter ? { tokenCounter } : {}).build({
            task: opts.task ?? null,
            domain: opts.domain ?? null,
            tags: opts.tags ?? null,
            categories: opts.category ?? null,
            maxTokens: opts.maxTokens,
            depth: opts.depth,
            cwd: opts.cwd ?? cli.io.cwd,
          }),
        );
        if (globals.json || opts.format === 'json') {
          const shown = opts.explain ? result : { ...result, candidates: undefined };
          cli.io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
          return;
        }
        cli.io.stdout(result.text);
        if (opts.explain) {
          const lines = result.candidates.map(
            (c) =>
              `${c.included ? '+' : '-'} tier ${c.tier} ${c.kind} #${c.id}  score ${c.score.toFixed(3)}  ${c.included ? 'included' : `left out (${c.reason})`}  [${c.why}]`,
          );
          cli.io.stdout(
            `\n---\nexplain: ${result.tokens} of ${result.budget} tokens (${result.tokenizer}), domains: ${result.domains.join(', ') || 'none'}\n${lines.join('\n')}\n`,
          );
        }
      }),
    );
}
