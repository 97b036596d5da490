import type { Elf, RecordViolationInput } from '@elf/core';
import { recordSubcommand } from './record-subcommand.js';

/** `elf record violation --rule-id N --rule-name NAME [--description] [--session]` */
export const registerViolationCommand = recordSubcommand({
  name: 'violation',
  description: 'record that a golden rule was broken',
  required: [
    ['rule_id', '--rule-id <id>', 'id of the golden heuristic that was violated'],
    ['rule_name', '--rule-name <name>', 'its name, for the record'],
  ],
  optional: [
    ['description', '--description <text>', 'what happened'],
    ['session_id', '--session <id>', 'agent session it happened in'],
  ],
  record: (elf: Elf, input: RecordViolationInput) => elf.recordViolation(input),
  text: (violation) => {
    const l = violation.lifecycle;
    return [
      `recorded violation #${violation.id} of rule #${violation.rule_id} (${l.ruleViolations} of this rule in 7 days; ${l.recentViolations} in all: ${l.level})`,
      l.demoted ? `rule #${violation.rule_id} demoted: violated ${l.ruleViolations} times within 7 days` : null,
      l.demotionSuggested
        ? `rule #${violation.rule_id} was violated ${l.ruleViolations} times within 7 days: demote it with elf heuristic demote ${violation.rule_id}`
        : null,
      l.reviewOpened ? `opened CEO review #${l.reviewOpened}: golden rules are being violated (elf review list)` : null,
    ]
      .filter(Boolean)
      .join('\n');
  },
  // Core stores no token count for a violation: the tokenizer would load for nothing.
  countTokens: false,
});
