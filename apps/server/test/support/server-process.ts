import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const serverBin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
export const cliBin = fileURLToPath(new URL('../../../cli/dist/bin.js', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The built `elf-server` as a user runs it, on a free port; resolves once it prints its URL. */
export async function startServerProcess(args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  if (!existsSync(serverBin)) throw new Error(`build the server first: ${serverBin} is missing`);
  const child = spawn(process.execPath, [serverBin, '--port', '0', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`elf-server did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = out.match(/listening on (http:\/\/\S+?)\/? /);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    });
    exited.then(() => reject(new Error(`elf-server exited before listening: ${err}`)));
  });
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** The built `elf` CLI in its own process. */
export function elf(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [cliBin, ...args], { env, encoding: 'utf8' });
}

/** An environment for child processes: a temp HOME and ELF_HOME, and no CA bundle slowing each start. */
export function childEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, ELF_HOME: `${home}/.elf` };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
