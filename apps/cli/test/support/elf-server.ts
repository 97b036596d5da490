import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from './run-elf.js';

/** The built server (apps never import each other: tests run its binary, as users do). */
export const serverBin = fileURLToPath(new URL('../../../server/dist/bin.js', import.meta.url));

export interface RunningServer {
  /** Where it listens, from its first line of output (`elf-server listening on <url> …`). */
  url: string;
  /** Everything it printed on stderr so far (its log lines). */
  stderr(): string;
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<void>;
}

/** `elf-server --db <db> --port 0` in the sandbox's HOME; resolves once it listens. */
export async function startElfServer(box: Sandbox, db: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  if (!existsSync(serverBin)) throw new Error(`build the server first: ${serverBin} is missing`);
  const child = spawn(process.execPath, [serverBin, '--db', db, '--port', '0'], {
    cwd: box.dir,
    env: { ...box.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`elf-server did not start: ${stderr}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const found = stdout.match(/listening on (http:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    });
    closed.then(() => reject(new Error(`elf-server exited before listening: ${stderr}`)));
  });
  return {
    url: url.replace(/\/$/, ''),
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      await closed;
    },
  };
}
