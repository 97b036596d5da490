/** Everything the CLI touches of the outside world, injectable for tests. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  homedir: string;
  isTTY: boolean;
}
