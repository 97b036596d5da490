import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface ReviewOptions {
  title: string;
  context?: string;
  recommendation?: string;
}

/** `elf record review --title [--context] [--recommendation]`: escalate to a human (a CEO review). */
export function registerReviewCommand(record: Command, cli: CliContext): void {
  record
    .command('review')
    .description('escalate a question to a human (a CEO review)')
    .requiredOption('--title <text>', 'what needs deciding')
    .option('--context <text>', 'background')
    .option('--recommendation <text>', 'what you recommend')
    .action(
      handler<ReviewOptions>(cli, async (opts, globals) => {
        const review = await withElf(
          cli.io,
          globals,
          (elf) =>
            elf.recordCeoReview({
              title: opts.title,
              context: opts.context ?? null,
              recommendation: opts.recommendation ?? null,
            }),
          { countTokens: true },
        );
        emit(cli.io, globals, review, () => `recorded review #${review.id} (pending)`);
      }),
    );
}
