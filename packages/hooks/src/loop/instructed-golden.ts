import { goldenRules, utf8ByteBound } from '@elf/core';
import { claudeGoldenBlocks } from '../instructions/claude-md-files.js';
import { listedGoldenRules } from '../instructions/golden-rules-block.js';
import type { EventScope } from './scope.js';

/** Golden rules the agent already reads in its instruction files: left out of what it is shown. */
export interface InstructedGolden {
  /** Build keys (`golden_rule:<id>`) of the rules the blocks list. */
  exclude: string[];
  /** The files, as named in the line. */
  files: string[];
  /** The one line that says so, to end the context with. */
  line: string;
  /** An upper bound of the line's o200k count: it comes out of the injection's budget. */
  tokens: number;
}

// The line's fixed parts and their o200k counts (checked against the real tokenizer by a test);
// the file names between them are priced at their UTF-8 byte length, which no tokenizer exceeds.
export const instructedLineParts = {
  before: { text: '\n_Golden rules already in ', tokens: 7 },
  after: { text: " (ELF's managed block) are not repeated here._\n", tokens: 12 },
} as const;

export function instructedLine(files: readonly string[]): { line: string; tokens: number } {
  const { before, after } = instructedLineParts;
  const names = files.join(' and ');
  return {
    line: `${before.text}${names}${after.text}`,
    tokens: before.tokens + utf8ByteBound.count(names) + after.tokens,
  };
}

/**
 * Which golden rules the agent already has from ELF's managed block in a file it reads (see
 * claudeGoldenBlocks), or null when none: the files are read first, so a session without a
 * block costs a few failed stats and no query. Only the rules a block lists are left out; one
 * promoted or reworded since the export is still shown.
 */
export async function instructedGolden(scope: EventScope): Promise<InstructedGolden | null> {
  const blocks = claudeGoldenBlocks(scope.session.cwd, scope.home);
  if (blocks.length === 0) return null;
  // As many as the context builder considers; core's unlogged query (the build logs its own read).
  const { rules } = await goldenRules(scope.ctx, { limit: 200 });
  const listing = blocks.map((b) => ({ file: b.name, rules: listedGoldenRules(b.block, rules) }));
  const listed = listing.filter((l) => l.rules.length > 0);
  if (listed.length === 0) return null;
  const ids = new Set(listed.flatMap((l) => l.rules.map((r) => r.id)));
  const files = listed.map((l) => l.file);
  return { exclude: [...ids].map((id) => `golden_rule:${id}`), files, ...instructedLine(files) };
}
