import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hookV8Flags } from '@elf/hooks';
import { elfCacheDir } from '../../boot/cache-dir.js';
import { currentStamp, snapshotLockMs, staleSnapshotExit, thisHookBundle } from '../../boot/snapshot-state.js';

// A V8 start-up snapshot of the hook bundle (issue 12): node deserialises a heap in which the
// bundle is already evaluated (kysely, ELF's packages, better-sqlite3's JavaScript) instead of
// reading, compiling and running it on every agent event. It saved 7-21 ms per hook here (elf bench --size 10k), PostToolUse most.
// Native code cannot be snapshotted: better-sqlite3's addon and everything resolved from disk
// are loaded when the hook runs, through a require made at run time.

/** The snapshot's file name in ELF's cache folder. */
export const snapshotFileName = 'elf-hook.blob';

/** Events run once while building, so the modules each one needs are initialised in the snapshot. */
const warmUpEvents = [
  { hook_event_name: 'SessionStart', source: 'startup' },
  { hook_event_name: 'UserPromptSubmit', prompt: 'warm up' },
  { hook_event_name: 'PreToolUse', tool_name: 'Task', tool_input: { description: 'warm up', prompt: 'warm up' } },
  { hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: { file_path: 'warm-up.ts' }, tool_response: {} },
];

/**
 * The script node runs with --build-snapshot: the bundle's source inside a CommonJS wrapper whose
 * `require` serves Node's built-in modules while building and a real require afterwards; a
 * warm-up against a database that does not exist (it stops before SQLite); and the function the
 * snapshot starts with. That function checks the bundle on disk is still the one built in,
 * else exits before reading stdin so the command's fallback runs the plain hook.
 */
export function snapshotEntry(source: string, bundle: string, key: string, warmUpDir: string): string {
  const body = source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return `'use strict';
const bundle = ${JSON.stringify(bundle)};
const builtFor = ${JSON.stringify(key)};
let atRunTime = null;
const load = (id) => (atRunTime ?? require)(id);
load.resolve = (id, options) => {
  if (!atRunTime) throw new Error('modules on disk are resolved when the hook runs');
  return atRunTime.resolve(id, options);
};
const bundleModule = { exports: {} };
(function (exports, require, module, __filename, __dirname) {${body}
})(bundleModule.exports, load, bundleModule, bundle, ${JSON.stringify(dirname(bundle))});
(async () => {
  for (const event of ${JSON.stringify(warmUpEvents)}) {
    const payload = JSON.stringify({ session_id: 'snapshot-warm-up', cwd: ${JSON.stringify(warmUpDir)}, ...event });
    await bundleModule.exports.runHookCli(['hook', '--db', ${JSON.stringify(join(warmUpDir, 'absent.db'))}], {
      stdout() {}, stderr() {}, env: process.env, cwd: ${JSON.stringify(warmUpDir)}, homedir: ${JSON.stringify(warmUpDir)},
      isTTY: false, readStdin: async () => payload,
    });
  }
})();
require('v8').startupSnapshot.setDeserializeMainFunction(() => {
  let key = null;
  try {
    const stat = process.getBuiltinModule('fs').statSync(bundle);
    key = stat.size + '-' + Math.trunc(stat.mtimeMs);
  } catch {}
  if (key !== builtFor) {
    process.exitCode = ${staleSnapshotExit};
    return;
  }
  atRunTime = process.getBuiltinModule('module').createRequire(bundle);
  const args = process.argv.slice(1);
  if (args[0] === '--') args.shift();
  bundleModule.exports.runCli(args).then((code) => { process.exitCode = code; }, () => { process.exitCode = 0; });
});
`;
}

/** Takes `<blob>.lock`, or returns false while another build holds it. */
function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs < snapshotLockMs) return false;
        unlinkSync(lock);
      } catch {
        // gone already: try again
      }
    }
  }
  return false;
}

export interface SnapshotBuild {
  blob: string;
  /** False when another build held the lock (nothing was done). */
  built: boolean;
  ms: number;
  bytes: number;
}

/**
 * Builds the hook bundle's snapshot (this installation's, unless `bundle` is given) into `blob` for this Node (about a second), replacing the old
 * one only when the new one is complete, and stamps it (`<blob>.json`) with the Node version and
 * bundle it was built for. Throws an Error saying why when node cannot build it.
 */
export function buildHookSnapshot(blob: string, options: { bundle?: string; timeoutMs?: number } = {}): SnapshotBuild {
  const bundle = options.bundle ?? thisHookBundle();
  const started = Date.now();
  const folder = dirname(blob);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const lock = `${blob}.lock`;
  if (!takeLock(lock)) return { blob, built: false, ms: Date.now() - started, bytes: 0 };
  const work = mkdtempSync(join(folder, '.elf-hook-build-'));
  try {
    const stamp = currentStamp(bundle);
    const entry = join(work, 'entry.cjs');
    writeFileSync(entry, snapshotEntry(readFileSync(bundle, 'utf8'), bundle, stamp.bundle, work));
    const built = join(work, 'hook.blob');
    const result = spawnSync(process.execPath, [...hookV8Flags, '--snapshot-blob', built, '--build-snapshot', entry], {
      cwd: work,
      // The warm-up's hook log goes to the build folder, which is removed.
      env: { ...process.env, ELF_HOME: work, ELF_CACHE_DIR: work },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 60_000,
    });
    if (result.status !== 0) {
      const why = result.error?.message ?? (result.stderr ?? '').trim().split('\n').at(-1) ?? '';
      throw new Error(`node could not build the hook snapshot (exit ${result.status ?? result.signal}): ${why}`);
    }
    const bytes = statSync(built).size;
    renameSync(built, blob);
    writeFileSync(join(work, 'stamp.json'), `${JSON.stringify(stamp)}\n`);
    renameSync(join(work, 'stamp.json'), `${blob}.json`);
    return { blob, built: true, ms: Date.now() - started, bytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(lock, { force: true });
  }
}

/** Where `elf hooks install` keeps the snapshot: ELF's cache folder (an absolute path). */
export function defaultSnapshotPath(env: NodeJS.ProcessEnv): string {
  return resolve(elfCacheDir(env), snapshotFileName);
}

/** Snapshots are for POSIX shells: the installed command's fallback is a shell `||`. */
export const snapshotSupported = process.platform !== 'win32';
