import type { Elf } from '@elf/core';
import type { Io } from '../io.js';
import { resolveDatabasePath } from './database-path.js';
import type { GlobalOptions } from './globals.js';
import { loadTokenizer } from './tokenizer.js';

export interface ElfOptions {
  /** For commands that store text the context packer will budget: it needs the token counts. */
  countTokens?: boolean;
  /** false for commands that look after an existing database: a mistyped --db must not create one. */
  create?: boolean;
}

/**
 * Opens the database for one command and always closes it. The packages are imported lazily so
 * commands that need no database (help, version) do not initialise them.
 */
export async function withElf<T>(
  io: Io,
  globals: GlobalOptions,
  run: (elf: Elf) => Promise<T>,
  options: ElfOptions = {},
): Promise<T> {
  const { Elf } = await import('@elf/core');
  // Counting tokens loads the real tokenizer (~200 ms): only where latency does not matter.
  const tokenCounter = options.countTokens ? await loadTokenizer() : undefined;
  const elf = await Elf.open({
    path: resolveDatabasePath(globals, io),
    cwd: io.cwd,
    sessionId: io.env.CLAUDE_SESSION_ID ?? null,
    agentId: io.env.CLAUDE_AGENT_ID ?? null,
    ...(tokenCounter ? { tokenCounter } : {}),
    ...(io.clock ? { clock: io.clock } : {}),
    ...(options.create === false ? { create: false } : {}),
  });
  try {
    return await run(elf);
  } finally {
    await elf.close();
  }
}
