import { homedir } from 'node:os';
import { readStdin } from './commands/hook/read-stdin.js';
import type { Io } from './io.js';

/** The real process's I/O. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  homedir: homedir(),
  isTTY: Boolean(process.stdout.isTTY),
  readStdin,
};
