import type { Elf, RecordInvariantInput } from '@elf/core';
import { recordSubcommand } from './record-subcommand.js';

/** `elf record invariant --statement --rationale [--domain] [--scope] [--severity] [--validation-type] [--validation-code]` */
export const registerInvariantCommand = recordSubcommand({
  name: 'invariant',
  description: 'record a statement that must always hold',
  required: [
    ['statement', '--statement <text>', 'what must always be true'],
    ['rationale', '--rationale <text>', 'why'],
  ],
  optional: [
    ['domain', '--domain <domain>', 'area it applies to (default: all)'],
    ['scope', '--scope <scope>', 'codebase|module|function|runtime', 'codebase'],
    ['severity', '--severity <level>', 'error|warning|info', 'error'],
    ['validation_type', '--validation-type <type>', 'manual|automated|test'],
    ['validation_code', '--validation-code <code>', 'how to check it'],
  ],
  record: (elf: Elf, input: RecordInvariantInput) => elf.recordInvariant(input),
  text: (invariant) => `recorded invariant #${invariant.id}`,
  countTokens: true,
});
