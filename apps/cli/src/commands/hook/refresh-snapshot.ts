import { realpathSync, statSync } from 'node:fs';
import { snapshotLockMs, snapshotState, thisHookBundle } from '../../boot/snapshot-state.js';
import type { Io } from '../../io.js';
import { logHookLine } from './hook-log.js';
import { hookLogDir } from './run-hook.js';

/** A snapshot this young that still fails is not rebuilt again (node may not run it on this system). */
const retryMs = 600_000;

/**
 * After a hook ran the plain way although its command names a start-up snapshot (missing,
 * unreadable, built by another Node, for an older bundle, or one node failed to start from):
 * starts `elf hooks snapshot --out FILE` detached, so the next events start from a good snapshot,
 * and logs one line. Does nothing while a rebuild holds the lock, or when a snapshot stamped
 * current was built in the last ten minutes. Never throws.
 */
export function refreshHookSnapshot(blob: string, io: Pick<Io, 'env' | 'cwd' | 'homedir'>): void {
  try {
    if (!process.argv[1]) return;
    const bin = realpathSync(process.argv[1]);
    const state = snapshotState(blob, thisHookBundle());
    const age = (file: string) => {
      try {
        return Date.now() - statSync(file).mtimeMs;
      } catch {
        return Number.POSITIVE_INFINITY;
      }
    };
    if (age(`${blob}.lock`) < snapshotLockMs || (state === 'current' && age(blob) < retryMs)) return;
    // Loaded only here, not by every hook.
    const { spawn } = process.getBuiltinModule('node:child_process');
    spawn(process.execPath, [bin, 'hooks', 'snapshot', '--out', blob], { detached: true, stdio: 'ignore' }).unref();
    const why = state === 'current' ? 'did not start' : state;
    logHookLine(hookLogDir(io), `snapshot: ${blob} ${why}; ran the plain hook and started a rebuild`);
  } catch (error) {
    logHookLine(hookLogDir(io), `snapshot: cannot rebuild ${blob}: ${(error as Error).message}`);
  }
}
