import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `$ELF_HOME/server-token`: made once (32 random bytes, hex), readable by the user alone. */
export function serverToken(home: string): { token: string; path: string } {
  const path = join(home, 'server-token');
  try {
    const token = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(token)) {
      // Someone loosened it: tighten it again rather than serve a token others can read.
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      return { token, path };
    }
  } catch {
    // not made yet
  }
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString('hex');
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { token, path };
}
