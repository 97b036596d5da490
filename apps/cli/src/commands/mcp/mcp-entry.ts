// ELF's server entry in a client's configuration, and how to tell it from anyone else's.

/** The name ELF's server is installed under, in every client. */
export const serverName = 'elf';

export interface ServerCommand {
  command: string;
  args: string[];
}

/**
 * `elf mcp` for this installation: node and the CLI's launcher as absolute paths, as the hooks
 * run `elf hook`. GUI clients (Claude Desktop, VS Code, Cursor started from a dock) do not get
 * the shell's PATH, so a bare `elf` or `npx` may not resolve there, and an nvm or volta node may
 * be missing; the absolute pair runs wherever the client starts it. `--db` pins the database
 * (absolute), so the server does not depend on the client's working directory or $ELF_HOME.
 */
export function elfServerCommand(nodePath: string, binPath: string, db?: string): ServerCommand {
  return { command: nodePath, args: [binPath, 'mcp', ...(db ? ['--db', db] : [])] };
}

const slashes = (word: string) => word.replace(/\\/g, '/');

/** A word that starts ELF's CLI: an `elf` binary, `@elf/cli` (npx), its dist/bin.js, or this install's. */
function isLauncher(word: string, currentBin: string | undefined): boolean {
  const path = slashes(word);
  if (currentBin !== undefined && path === slashes(currentBin)) return true;
  return (
    /(^|\/)elf(\.cmd|\.exe)?$/i.test(path) ||
    /(^|\/)@elf\/cli(@[^/]*)?$/.test(path) ||
    /(^|\/)@elf\/cli\/dist\/bin\.js$/.test(path)
  );
}

/** The words after the launcher that are commands, not flags (`--db FILE` takes its value along). */
function commandWords(words: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--db') i++;
    else if (!word.startsWith('-')) found.push(word);
  }
  return found;
}

/**
 * True when an entry runs ELF's MCP server: its command line has an ELF launcher followed by
 * exactly the command `mcp` (`elf mcp install` is not a server). Whole path segments only, as for
 * the hooks: `/home/shelf/bin.js mcp` is someone else's.
 */
export function isElfServer(entry: unknown, currentBin?: string): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const { command, args = [] } = entry as { command?: unknown; args?: unknown };
  if (typeof command !== 'string' || !Array.isArray(args) || !args.every((a) => typeof a === 'string')) return false;
  const words = [command, ...(args as string[])];
  const at = words.findIndex((word) => isLauncher(word, currentBin));
  if (at < 0) return false;
  const rest = commandWords(words.slice(at + 1));
  return rest.length === 1 && rest[0] === 'mcp';
}

/** The entry a client's JSON file gets: VS Code and Claude Code name the transport, the others infer it. */
export function jsonServerEntry(server: ServerCommand, stdioType: boolean): Record<string, unknown> {
  return stdioType ? { type: 'stdio', ...server } : { ...server };
}
