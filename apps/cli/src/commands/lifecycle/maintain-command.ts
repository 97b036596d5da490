import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

/**
 * `elf maintain [--dry-run]`: the knowledge lifecycle's pass — unused heuristics decay, those
 * below the floor become dormant, long-dormant ones are archived. Golden rules, decisions and
 * invariants are never touched; nothing is deleted. Run it daily (it is idempotent within a day).
 */
export function registerMaintainCommand(program: Command, cli: CliContext): void {
  program
    .command('maintain')
    .description('decay unused heuristics, make weak ones dormant, archive long-dormant ones (never golden rules)')
    .option('--dry-run', 'report what would change without changing it')
    .action(
      handler<{ dryRun?: boolean }>(cli, async (opts, globals) => {
        const { maintainLifecycle } = await import('@elf/core');
        const report = await withElf(cli.io, globals, (elf) =>
          maintainLifecycle(elf.core, { dryRun: Boolean(opts.dryRun) }),
        );
        emit(cli.io, globals, { dry_run: Boolean(opts.dryRun), ...report }, () => {
          const lines = [
            `${opts.dryRun ? 'dry run: ' : ''}${report.examined} unused heuristics examined (idle ≥ ${report.config.decayIdleDays} days; golden rules never decay)`,
            `${opts.dryRun ? 'would decay' : 'decayed'}: ${report.decayed.length}`,
            ...report.decayed.map(
              (d) =>
                `  #${d.id} [${d.domain}] ${d.from} → ${d.to} (${d.steps} step${d.steps === 1 ? '' : 's'}, idle ${d.idleDays} days) ${d.rule}`,
            ),
            `${opts.dryRun ? 'would become' : 'became'} dormant (below ${report.config.dormantBelow}): ${report.dormant.length}`,
            ...report.dormant.map((d) => `  #${d.id} [${d.domain}] ${d.rule}`),
            `${opts.dryRun ? 'would be ' : ''}archived (dormant ≥ ${report.config.archiveAfterDays} days): ${report.archived.length}`,
            ...report.archived.map((d) => `  #${d.id} [${d.domain}] ${d.rule}`),
          ];
          return lines.join('\n');
        });
      }),
    );
}
