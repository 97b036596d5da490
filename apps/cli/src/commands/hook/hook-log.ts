import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const maxLogBytes = 1_048_576;

/**
 * Appends one line to `<dir>/hook.log` (rotated to hook.log.1 past 1 MB). Hooks never print
 * their troubles to the agent: this file is where they go. Never throws.
 */
export function logHookLine(dir: string, message: string, now = new Date()): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, 'hook.log');
    try {
      if (statSync(file).size > maxLogBytes) renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    appendFileSync(file, `${now.toISOString()} ${message.replace(/\s*\n\s*/g, ' ').slice(0, 2000)}\n`, { mode: 0o600 });
  } catch {
    // Nowhere to log is not a reason to bother the agent.
  }
}
