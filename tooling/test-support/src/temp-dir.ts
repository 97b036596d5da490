import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

// One queue per test file (vitest evaluates this module once per file): closers go to the front,
// directories to the back, so whatever holds a file open is closed before its directory goes.
const cleanups: Array<() => unknown> = [];

afterEach(async () => {
  const errors: unknown[] = [];
  for (const cleanup of cleanups.splice(0)) {
    try {
      await cleanup();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
});

/** A fresh directory under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'elf-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `cleanup` after the test, before any temp directory is removed; the latest registered runs first. */
export function afterTest(cleanup: () => unknown): void {
  cleanups.unshift(cleanup);
}
