import type { Elf } from '@elf/core';
import type { Io } from '../io.js';
import { resolveDatabasePath } from './database-path.js';
import type { GlobalOptions } from './globals.js';

/**
 * Opens the database for one command and always closes it. @elf/core is imported lazily so
 * commands that need no database (help, version) never load kysely.
 */
export async function withElf<T>(io: Io, globals: GlobalOptions, run: (elf: Elf) => Promise<T>): Promise<T> {
  const { Elf } = await import('@elf/core');
  const elf = await Elf.open({
    path: resolveDatabasePath(globals, io),
    cwd: io.cwd,
    sessionId: io.env.CLAUDE_SESSION_ID ?? null,
    agentId: io.env.CLAUDE_AGENT_ID ?? null,
  });
  try {
    return await run(elf);
  } finally {
    await elf.close();
  }
}
