import { isAbsolute, join, resolve } from 'node:path';
import type { Io } from '../io.js';
import type { GlobalOptions } from './globals.js';

/** `--db FILE`, else `$ELF_HOME/elf.db`, with ELF_HOME defaulting to `~/.elf`. */
export function resolveDatabasePath(globals: GlobalOptions, io: Pick<Io, 'env' | 'cwd' | 'homedir'>): string {
  if (globals.db) return globals.db === ':memory:' ? globals.db : resolve(io.cwd, globals.db);
  const home = io.env.ELF_HOME?.trim();
  const base = home ? (isAbsolute(home) ? home : resolve(io.cwd, home)) : join(io.homedir, '.elf');
  return join(base, 'elf.db');
}
