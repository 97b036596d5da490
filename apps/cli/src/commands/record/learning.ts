import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface LearningOptions {
  title: string;
  domain: string;
  summary?: string;
  severity?: string;
  tags?: string;
}

const descriptions = {
  failure: 'record something that went wrong, so it is not repeated',
  success: 'record something that worked',
  observation: 'record something noticed along the way',
} as const;

/** `elf record failure|success|observation --title --domain [--summary] [--severity] [--tags]` */
export function registerLearningCommands(record: Command, cli: CliContext): void {
  for (const type of ['failure', 'success', 'observation'] as const) {
    record
      .command(type)
      .description(descriptions[type])
      .requiredOption('--title <text>', 'one-line title (≤ 500 characters)')
      .requiredOption('--domain <domain>', 'area it belongs to, e.g. testing or database')
      .option('--summary <text>', 'what happened and why (≤ 50,000 characters)')
      .option('--severity <level>', '1..5 or low|medium|high|critical', '3')
      .option('--tags <a,b>', 'comma-separated tags')
      .action(
        handler<LearningOptions>(cli, async (opts, globals) => {
          const learning = await withElf(
            cli.io,
            globals,
            (elf) =>
              elf.recordLearning({
                type,
                title: opts.title,
                domain: opts.domain,
                summary: opts.summary ?? null,
                severity: opts.severity,
                tags: opts.tags ?? null,
              }),
            { countTokens: true },
          );
          emit(cli.io, globals, learning, () => `recorded ${type} #${learning.id} [${learning.domain}]`);
        }),
      );
  }
}
