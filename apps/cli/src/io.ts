/** Everything the CLI touches of the outside world, injectable for tests. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  homedir: string;
  isTTY: boolean;
  /** All of stdin (see commands/hook/read-stdin.ts); tests pass it in. */
  readStdin(maxBytes: number, idleMs: number): Promise<string>;
  /** The time (tests move it to simulate days and months); the system clock when absent. */
  clock?: { now(): Date };
}
