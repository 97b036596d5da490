import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface ViolationOptions {
  ruleId: string;
  ruleName: string;
  description?: string;
  session?: string;
}

/** `elf record violation --rule-id N --rule-name NAME [--description]` */
export function registerViolationCommand(record: Command, cli: CliContext): void {
  record
    .command('violation')
    .description('record that a golden rule was broken')
    .requiredOption('--rule-id <id>', 'id of the golden heuristic that was violated')
    .requiredOption('--rule-name <name>', 'its name, for the record')
    .option('--description <text>', 'what happened')
    .option('--session <id>', 'agent session it happened in')
    .action(
      handler<ViolationOptions>(cli, async (opts, globals) => {
        const violation = await withElf(cli.io, globals, (elf) =>
          elf.recordViolation({
            rule_id: opts.ruleId,
            rule_name: opts.ruleName,
            description: opts.description ?? null,
            session_id: opts.session ?? null,
          }),
        );
        const l = violation.lifecycle;
        emit(cli.io, globals, violation, () =>
          [
            `recorded violation #${violation.id} of rule #${violation.rule_id} (${l.ruleViolations} of this rule in 7 days; ${l.recentViolations} in all: ${l.level})`,
            l.demoted ? `rule #${violation.rule_id} demoted: violated ${l.ruleViolations} times within 7 days` : null,
            l.demotionSuggested
              ? `rule #${violation.rule_id} was violated ${l.ruleViolations} times within 7 days: demote it with elf heuristic demote ${violation.rule_id}`
              : null,
            l.reviewOpened
              ? `opened CEO review #${l.reviewOpened}: golden rules are being violated (elf review list)`
              : null,
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );
}
