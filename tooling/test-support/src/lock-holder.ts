import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HoldWriteLockOptions {
  /** `immediate` blocks other writers; `exclusive` also keeps out readers that are not on WAL. */
  lock: 'immediate' | 'exclusive';
  /**
   * The calling test's `import.meta.url`. The holder imports @elf/schema and kysely as that test's
   * package resolves them: this package may not depend on @elf/schema (schema's tests use it).
   */
  from: string | URL;
}

export interface HeldLock {
  /** Rolls the holder's transaction back and waits for its process to exit. */
  release(): Promise<void>;
}

const holder = (path: string, lock: HoldWriteLockOptions['lock']) => `
  import { openDatabase } from '@elf/schema';
  import { sql } from 'kysely';
  const h = await openDatabase({ path: ${JSON.stringify(path)} });
  await sql\`begin ${lock}\`.execute(h.db);
  process.stdout.write('locked\\n');
  process.stdin.on('end', async () => { await sql\`rollback\`.execute(h.db); await h.close(); });
  process.stdin.resume();`;

/**
 * Starts a second OS process that opens the database at `path` through ELF's own connection and
 * holds its write lock until released: how busy handling is tested against a real competitor.
 * Resolves once the lock is taken.
 */
export async function holdWriteLock(path: string, options: HoldWriteLockOptions): Promise<HeldLock> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', holder(path, options.lock)], {
    cwd: dirname(fileURLToPath(options.from)),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    closed.then(() => reject(new Error(`the lock holder for ${path} exited before taking the lock`)));
  });
  return {
    release: async () => {
      child.stdin.end();
      await closed;
    },
  };
}
