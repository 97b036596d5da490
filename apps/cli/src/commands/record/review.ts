import type { Elf, RecordCeoReviewInput } from '@elf/core';
import { recordSubcommand } from './record-subcommand.js';

/** `elf record review --title [--context] [--recommendation]`: escalate to a human (a CEO review). */
export const registerReviewCommand = recordSubcommand({
  name: 'review',
  description: 'escalate a question to a human (a CEO review)',
  required: [['title', '--title <text>', 'what needs deciding']],
  optional: [
    ['context', '--context <text>', 'background'],
    ['recommendation', '--recommendation <text>', 'what you recommend'],
  ],
  record: (elf: Elf, input: RecordCeoReviewInput) => elf.recordCeoReview(input),
  text: (review) => `recorded review #${review.id} (pending)`,
  countTokens: true,
});
