import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The real CLI (apps/cli/dist/bin.js) in its own process: how the dashboard tests put data in.

const cliBin = fileURLToPath(new URL('../../../cli/dist/bin.js', import.meta.url));

export interface ElfRun {
  db: string;
  /** ELF_HOME: hook logs and settings stay in the test's directory. */
  home: string;
  cwd?: string;
}

export function runElf(run: ElfRun, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [cliBin, '--db', run.db, ...args],
      { cwd: run.cwd ?? run.home, env: { ...process.env, ELF_HOME: run.home }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`elf ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
    child.stdin?.end(input ?? '');
  });
}

/** `elf --json …`, parsed. */
export async function elfJson<T>(run: ElfRun, args: readonly string[]): Promise<T> {
  return JSON.parse(await runElf(run, ['--json', ...args])) as T;
}
