import { type Command, Option } from 'commander';
import { reviewLine } from '../../format/text.js';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { type ItemStep, itemAction } from '../../runtime/item-action.js';
import { integerOption } from '../../runtime/number-option.js';

// Spelled out rather than imported: loading @elf/schema at startup would load kysely for --help.
const statuses = ['pending', 'approved', 'rejected', 'all'] as const;
type ReviewStatus = (typeof statuses)[number];

/** `elf review list|approve|reject`: the queue of questions escalated to a human. */
export function registerReviewCommand(program: Command, cli: CliContext): void {
  const review = program.command('review').description('list and decide CEO reviews (escalations to a human)');

  review
    .command('list')
    .description('reviews by status, newest first')
    .addOption(new Option('--status <status>', 'which reviews').choices(statuses).default('pending'))
    .option('--limit <n>', 'at most this many, 1..1000', '20')
    .action(
      handler<{ status: ReviewStatus; limit: string }>(cli, async (opts, globals) => {
        const limit = await integerOption(opts.limit, 'limit', 1, 1000);
        const { listAllCeoReviews, listCeoReviews } = await import('@elf/core');
        await emitStep(
          cli,
          globals,
          (elf) =>
            opts.status === 'all'
              ? listAllCeoReviews(elf.core, { limit })
              : listCeoReviews(elf.core, { status: opts.status, limit }),
          (result) =>
            result.ceoReviews.length === 0
              ? `no ${opts.status === 'all' ? '' : `${opts.status} `}reviews`
              : result.ceoReviews.map(reviewLine).join('\n'),
        );
      }),
    );

  for (const [verb, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    review
      .command(`${verb} <id>`)
      .description(`${verb} a pending review (a decided review cannot be decided again)`)
      .option('--note <text>', 'why')
      .action(
        itemAction(
          cli,
          ({ core, elf, id, opts }: ItemStep<{ note?: string }>) =>
            core.decideCeoReview(elf.core, { id, decision, note: opts.note ?? null }),
          (r) => `${decision} review #${r.id}: ${r.title}`,
        ),
      );
  }
}
