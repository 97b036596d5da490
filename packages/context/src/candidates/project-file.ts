import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Largest context.md read; anything beyond could never fit a 50,000-token budget's project share. */
const maxBytes = 256 * 1024;

/** The nearest `.elf/context.md` walking up from `cwd`, or null. */
export function findProjectContext(cwd: string): { path: string; text: string } | null {
  let dir = resolve(cwd);
  for (;;) {
    const path = join(dir, '.elf', 'context.md');
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      try {
        const text = readFileSync(path, 'utf8').slice(0, maxBytes).trim();
        return text ? { path, text } : null;
      } catch {
        return null;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
