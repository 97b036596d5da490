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
        const core = await import('@elf/core');
        const report = await withElf(cli.io, globals, async (elf) => {
          const context = await new ContextBuilder(elf).build({ task: opts.task ?? null, maxTokens, cwd: cli.io.cwd });
          const stats = await elf.statistics();
          const reviews = await elf.ceoReviews({ status: 'pending', limit: 5 });
          const violations = await elf.violations({ days: 7, limit: 5 });
          const candidates = await core.promotionCandidates(elf.core, 5);
          const config = await core.lifecycleConfig(elf.db);
          // Promotions and demotions since the last check-in, reported once.
          const lastCheckIn = await core.readState(elf.db, core.stateKeys.lastCheckIn);
          const standing = await core.standingChangesSince(elf.core, lastCheckIn, 101);
          const demotions = config.promotionMode === 'suggest' ? await core.demotionCandidates(elf.core, 5) : [];
          await core.writeState(elf.core, core.stateKeys.lastCheckIn, elf.core.clock.now().toISOString());
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
                qualifies: core.qualifiesForGolden(h),
              })),
              promotion_mode: config.promotionMode,
              since_last_check_in: {
                since: lastCheckIn,
                changes: standing.map((c) => ({
                  id: c.heuristic_id,
                  change: c.update_type,
                  source: c.source,
                  rule: c.rule,
                  domain: c.domain,
                  reason: c.reason,
                  at: c.created_at,
                })),
              },
              demotion_candidates: demotions.map((d) => ({
                id: d.id,
                rule: d.rule,
                violations_7d: Number(d.violations),
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
          `- Promoted or demoted since the last check-in: ${s.since_last_check_in.changes.length > 100 ? 'more than 100' : s.since_last_check_in.changes.length}${s.since_last_check_in.changes
            .slice(0, 20)
            .map((c) => `\n  - #${c.id} ${c.change} (${c.source}): [${c.domain}] ${c.rule}`)
            .join('')}${s.since_last_check_in.changes.length > 20 ? '\n  - … more in elf check-in --json' : ''}`,
          `- Near or at the golden-rule thresholds (promotion mode ${s.promotion_mode}): ${s.promotion_candidates.length}${s.promotion_candidates
            .map(
              (h) =>
                `\n  - #${h.id} [${h.domain}] ${h.rule} (${Math.round(h.confidence * 100)}%, ${h.times_validated} validated${h.qualifies ? `; qualifies: elf heuristic promote ${h.id}` : ''})`,
            )
            .join('')}`,
          ...(s.demotion_candidates.length > 0
            ? [
                `- Golden rules violated 3+ times this week (elf heuristic demote ID): ${s.demotion_candidates
                  .map((d) => `\n  - #${d.id} ${d.rule} (${d.violations_7d} violations)`)
                  .join('')}`,
              ]
            : []),
          `- Golden-rule violations, last 7 days: ${s.violations_7d.total}${banner[s.violations_7d.level] ? ` — ${banner[s.violations_7d.level]}` : ''}`,
        ];
        cli.io.stdout(`${lines.join('\n')}\n`);
      }),
    );
}
