import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const maxLogBytes = 1_048_576;

/**
 * One line per trouble: to stderr (the terminal, or the service manager's journal) and to
 * `$ELF_HOME/logs/server.log` (rotated to server.log.1 past 1 MB). Never throws.
 */
export function serverLogger(home: string, stderr: (text: string) => void): (line: string) => void {
  const dir = join(home, 'logs');
  const file = join(dir, 'server.log');
  return (message) => {
    const line = `${new Date().toISOString()} ${message.replace(/\s*\n\s*/g, ' ').slice(0, 2000)}\n`;
    stderr(line);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      try {
        if (statSync(file).size > maxLogBytes) renameSync(file, `${file}.1`);
      } catch {
        // no log yet
      }
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // A full disk must not take the server down.
    }
  };
}
