import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

// What the launcher needs to know about the hook's start-up snapshot (built by
// commands/integration/hook-snapshot.ts): whether it still matches this Node and this bundle.
// Kept small: bin.js carries it.

/** A snapshot build younger than this holds `<blob>.lock`; an older lock is a crashed build's. */
export const snapshotLockMs = 120_000;

/** This installation's hook bundle: hook.cjs beside the launcher that is running. */
export function thisHookBundle(): string {
  return join(dirname(realpathSync(process.argv[1] ?? '')), 'hook.cjs');
}

/** The exit code of a snapshot whose bundle changed since it was built: its command then runs the plain hook. */
export const staleSnapshotExit = 75;

/** The bundle's identity for caches and snapshots: size and modification time. */
export function bundleKey(bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  return `${size}-${Math.trunc(mtimeMs)}`;
}

/** What a snapshot was built for, kept beside it in `<blob>.json`. */
export interface SnapshotStamp {
  node: string;
  arch: string;
  bundle: string;
}

export function currentStamp(bundle: string): SnapshotStamp {
  return { node: process.version, arch: process.arch, bundle: bundleKey(bundle) };
}

/** current: built for this Node and bundle; stale: for another; missing: none (or unreadable). */
export function snapshotState(blob: string, bundle: string): 'current' | 'stale' | 'missing' {
  let stamp: Partial<SnapshotStamp>;
  try {
    statSync(blob);
    stamp = JSON.parse(readFileSync(`${blob}.json`, 'utf8')) as Partial<SnapshotStamp>;
  } catch {
    return 'missing';
  }
  const now = currentStamp(bundle);
  return stamp.node === now.node && stamp.arch === now.arch && stamp.bundle === now.bundle ? 'current' : 'stale';
}
