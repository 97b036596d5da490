import { homedir } from 'node:os';
import { readStdin } from './commands/hook/read-stdin.js';
import type { Io } from './io.js';

let current: Io | undefined;

/**
 * The real process's I/O, built on first use rather than when the bundle loads: a hook started
 * from a V8 startup snapshot evaluated the bundle in another process, whose working directory,
 * home and standard streams are not this one's.
 */
export function processIo(): Io {
  current ??= {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    homedir: homedir(),
    isTTY: Boolean(process.stdout.isTTY),
    readStdin,
    ...envClock(process.env.ELF_NOW),
  };
  return current;
}

/**
 * `ELF_NOW=<ISO time>`: this process's clock starts at that time and runs on from there. For
 * replaying recorded sessions on simulated days (the repeat-mistake benchmark) and for tests;
 * a value that is not a time is ignored, so a hook never fails over it.
 */
export function envClock(value: string | undefined): { clock?: { now(): Date } } {
  const at = value ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(at)) return {};
  const started = Date.now();
  return { clock: { now: () => new Date(at + (Date.now() - started)) } };
}
