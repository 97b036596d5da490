import type { Elf, RecordDecisionInput } from '@elf/core';
import { recordSubcommand } from './record-subcommand.js';

/** `elf record decision --title --context --decision --rationale [--options] [--domain] [--files] [--tests]` */
export const registerDecisionCommand = recordSubcommand({
  name: 'decision',
  description: 'record an architecture decision (ADR)',
  required: [
    ['title', '--title <text>', 'short name of the decision'],
    ['context', '--context <text>', 'the situation that called for it'],
    ['decision', '--decision <text>', 'what was decided'],
    ['rationale', '--rationale <text>', 'why'],
  ],
  optional: [
    ['options', '--options <text>', 'the options that were considered'],
    ['domain', '--domain <domain>', 'area it applies to (default: all)'],
    ['files_touched', '--files <a,b>', 'files it touched'],
    ['tests_added', '--tests <a,b>', 'tests added for it'],
  ],
  record: (elf: Elf, input: RecordDecisionInput) => elf.recordDecision(input),
  text: (decision) => `recorded decision #${decision.id}`,
  countTokens: true,
});
