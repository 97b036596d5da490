import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@elf/test-support';

/** The built binary: CLI tests run exactly what users run. */
export const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
if (!existsSync(bin)) throw new Error(`build the CLI first: ${bin} is missing`);

export interface Sandbox {
  dir: string;
  home: string;
  db: string;
  env: NodeJS.ProcessEnv;
}

/** A temp HOME with ELF_HOME unset, so nothing touches the real ~/.elf. */
export function sandbox(): Sandbox {
  const dir = tempDir('elf-cli-');
  const home = join(dir, 'home');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, USERPROFILE: home };
  return { dir, home, db: join(dir, 'elf.db'), env };
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function elf(
  box: Sandbox,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Result {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? box.dir,
    env: { ...box.env, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `elf --db <box.db> …` */
export const elfDb = (box: Sandbox, args: string[], options?: Parameters<typeof elf>[2]) =>
  elf(box, ['--db', box.db, ...args], options);

/** Parses stdout as the one JSON document --json promises. */
export function json<T = any>(result: Result): T {
  return JSON.parse(result.stdout) as T;
}

export function elfAsync(box: Sandbox, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: box.dir, env: box.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Knowledge counts from `elf query --stats --json`. */
export function counts(box: Sandbox) {
  const stats = json(elfDb(box, ['query', '--stats', '--json']));
  return {
    learnings: stats.total_learnings,
    heuristics: stats.total_heuristics,
    decisions: stats.total_decisions,
    invariants: stats.total_invariants,
    assumptions: stats.total_assumptions,
    spikes: stats.total_spike_reports,
    experiments: stats.total_experiments,
    reviews: stats.total_ceo_reviews,
    violations: stats.violations_7d,
  };
}
