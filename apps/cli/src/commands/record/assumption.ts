import type { Elf, RecordAssumptionInput } from '@elf/core';
import { recordSubcommand } from './record-subcommand.js';

/** `elf record assumption --assumption [--context] [--source] [--confidence] [--domain]` */
export const registerAssumptionCommand = recordSubcommand({
  name: 'assumption',
  description: 'record something believed but not yet proven',
  required: [['assumption', '--assumption <text>', 'what is assumed']],
  optional: [
    ['context', '--context <text>', 'where it matters'],
    ['source', '--source <text>', 'where it came from'],
    ['confidence', '--confidence <value>', '0..1 or low|medium|high', '0.5'],
    ['domain', '--domain <domain>', 'area it applies to (default: all)'],
  ],
  record: (elf: Elf, input: RecordAssumptionInput) => elf.recordAssumption(input),
  text: (assumption) => `recorded assumption #${assumption.id}`,
  countTokens: true,
});
