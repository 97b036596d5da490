import type { Elf, RecordLearningInput } from '@elf/core';
import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { recordSubcommand } from './record-subcommand.js';

const descriptions = {
  failure: 'record something that went wrong, so it is not repeated',
  success: 'record something that worked',
  observation: 'record something noticed along the way',
} as const;

/** `elf record failure|success|observation --title --domain [--summary] [--severity] [--tags]` */
export function registerLearningCommands(record: Command, cli: CliContext): void {
  for (const type of ['failure', 'success', 'observation'] as const) {
    recordSubcommand({
      name: type,
      description: descriptions[type],
      required: [
        ['title', '--title <text>', 'one-line title (≤ 500 characters)'],
        ['domain', '--domain <domain>', 'area it belongs to, e.g. testing or database'],
      ],
      optional: [
        ['summary', '--summary <text>', 'what happened and why (≤ 50,000 characters)'],
        ['severity', '--severity <level>', '1..5 or low|medium|high|critical', '3'],
        ['tags', '--tags <a,b>', 'comma-separated tags'],
      ],
      record: (elf: Elf, input: Omit<RecordLearningInput, 'type'>) => elf.recordLearning({ type, ...input }),
      text: (learning) => `recorded ${type} #${learning.id} [${learning.domain}]`,
      countTokens: true,
    })(record, cli);
  }
}
