import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { integerOption } from '../../runtime/number-option.js';
import { withElf } from '../../runtime/open-elf.js';

const banner: Record<string, string> = {
  warning: 'WARNING: 3 or more golden-rule violations this week',
  probation: 'PROBATION: 5 or more golden-rule violations this week',
  critical: 'CRITICAL: 10 or more golden-rule violations this week — a CEO review is due',
};

/**
 * `elf check-in`: what an agent (or a person) reads at the start of work — the context for the
 * project (and task), then a status block: counts, golden rules, pending CEO reviews, heuristics
 * ready for promotion, and golden-rule violations of the last 7 days with the 3/5/10 levels.
 */
export function registerCheckInCommand(program: Command, cli: CliContext): void {
  program
    .command('check-in')
    .description(
      'the context for this project (and --task) plus a status block: counts, reviews, promotions, violations',
    )
    .option('--task <text>', 'what you are about to do')
    .option('--max-tokens <n>', 'token budget of the context, 100..50000', '2000')
    .action(
      handler<{ task?: string; maxTokens: string }>(cli, async (opts, globals) => {
        const maxTokens = await integerOption(opts.maxTokens, 'maxTokens', 100, 50_000);
        const { ContextBuilder } = await import('@elf/context');
        const { promotionCandidates } = await import('@elf/core');
        const report = await withElf(cli.io, globals, async (elf) => {
          const context = await new ContextBuilder(elf).build({ task: opts.task ?? null, maxTokens, cwd: cli.io.cwd });
          const stats = await elf.statistics();
          const reviews = await elf.ceoReviews({ status: 'pending', limit: 5 });
          const violations = await elf.violations({ days: 7, limit: 5 });
          const candidates = await promotionCandidates(elf.context, 5);
          return {
            context: { ...context, candidates: undefined },
            status: {
              learnings: stats.total_learnings,
              heuristics: stats.total_heuristics,
              golden_rules: stats.golden_heuristics,
              decisions: stats.total_decisions,
              pending_ceo_reviews: reviews.ceoReviews.map((r) => ({ id: r.id, title: r.title })),
              promotion_candidates: candidates.map((h) => ({
                id: h.id,
                domain: h.domain,
                rule: h.rule,
                confidence: h.confidence,
                times_validated: h.times_validated,
                times_violated: h.times_violated,
              })),
              violations_7d: { total: violations.total, level: violations.level },
            },
          };
        });
        if (globals.json) {
          cli.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const s = report.status;
        const lines = [
          report.context.text.trimEnd(),
          '',
          '---',
          '## ELF status',
          `- ${s.learnings} learnings, ${s.heuristics} heuristics (${s.golden_rules} golden rules), ${s.decisions} decisions`,
          `- Pending CEO reviews: ${s.pending_ceo_reviews.length}${s.pending_ceo_reviews.map((r) => `\n  - #${r.id} ${r.title}`).join('')}`,
          `- Ready for promotion to golden rule: ${s.promotion_candidates.length}${s.promotion_candidates
            .map(
              (h) =>
                `\n  - #${h.id} [${h.domain}] ${h.rule} (${Math.round(h.confidence * 100)}%, ${h.times_validated} validated)`,
            )
            .join('')}`,
          `- Golden-rule violations, last 7 days: ${s.violations_7d.total}${banner[s.violations_7d.level] ? ` — ${banner[s.violations_7d.level]}` : ''}`,
        ];
        cli.io.stdout(`${lines.join('\n')}\n`);
      }),
    );
}
