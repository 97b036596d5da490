/** Options accepted by every command, before or after it. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
  debug?: boolean;
}
