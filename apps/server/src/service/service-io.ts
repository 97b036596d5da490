// What `elf-server service` touches of the outside world besides files: passed in by the
// server's entry (main.ts), replaced by tests (a temp HOME, a recorder for the manager).

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Why it did not run at all (ENOENT: no such program). */
  error?: string;
}

/** Runs a service manager command (systemctl, launchctl) to completion. */
export type RunManager = (args: readonly string[]) => RunResult;

export interface ServiceIo {
  env: Record<string, string | undefined>;
  homedir: string;
  platform: NodeJS.Platform;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Node: what the service runs the server with. */
  execPath: string;
  /** The server's launcher (dist/bin.js). */
  serverBin: string;
  /** Where a relative --db is resolved from (default: the process's working directory). */
  cwd?: string;
  /** launchd's gui/<uid> domain (default: the process's uid). */
  uid?: number;
  /** Runs a manager command (default: the real one); tests record instead. */
  run?: RunManager;
}
