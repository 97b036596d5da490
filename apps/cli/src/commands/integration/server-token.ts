import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Io } from '../../io.js';

/** `$ELF_HOME/server-token` (ELF_HOME defaulting to ~/.elf): elf-server writes it, mode 0600. */
export function defaultTokenFile(io: Pick<Io, 'env' | 'cwd' | 'homedir'>): string {
  const home = io.env.ELF_HOME?.trim();
  return join(home ? (isAbsolute(home) ? home : resolve(io.cwd, home)) : join(io.homedir, '.elf'), 'server-token');
}

/** The token in `file`, or null when it cannot be read or is empty. */
export function readToken(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
