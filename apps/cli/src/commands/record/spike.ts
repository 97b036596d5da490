import type { Elf, RecordSpikeReportInput } from '@elf/core';
import { recordSubcommand } from './record-subcommand.js';

/** `elf record spike --title --topic --question --findings [--gotchas] [--resources] [--minutes] [--domain] [--tags]` */
export const registerSpikeCommand = recordSubcommand({
  name: 'spike',
  description: 'record a time-boxed research report',
  required: [
    ['title', '--title <text>', 'short name'],
    ['topic', '--topic <text>', 'what it was about'],
    ['question', '--question <text>', 'the question it answered'],
    ['findings', '--findings <text>', 'what was found'],
  ],
  optional: [
    ['gotchas', '--gotchas <text>', 'surprises worth knowing'],
    ['resources', '--resources <text>', 'links and references'],
    ['minutes', '--minutes <n>', 'time invested'],
    ['domain', '--domain <domain>', 'area it applies to (default: all)'],
    ['tags', '--tags <a,b>', 'comma-separated tags'],
  ],
  record: (elf: Elf, input: RecordSpikeReportInput) => elf.recordSpikeReport(input),
  text: (spike) => `recorded spike report #${spike.id}`,
  countTokens: true,
});
