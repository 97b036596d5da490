import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const defaultPort = 4747;
export const defaultHost = '127.0.0.1';

export interface ServerOptions {
  /** The database file (`--db`, else $ELF_HOME/elf.db). */
  db: string;
  /** ELF's home ($ELF_HOME, else ~/.elf): the token file and the log live here. */
  home: string;
  host: string;
  /** 0 = any free port (tests). */
  port: number;
  /** Extra Host names the server answers to (a reverse proxy's, a LAN name). */
  allowHosts: string[];
  quiet: boolean;
}

export type ParsedArgs =
  | { kind: 'serve'; options: ServerOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'service'; args: string[] };

export const usage = `Usage: elf-server [options]
       elf-server service install|uninstall|status [--port N] [--db FILE] [--dry-run]

ELF's HTTP server: Claude Code HTTP hooks (POST /hooks/claude-code), the JSON API (/api, described
at /api/openapi.json) and the live dashboard (/), over one open database.

Options:
  --db FILE          the database (default: $ELF_HOME/elf.db, ELF_HOME defaulting to ~/.elf)
  --port N           the port (default ${defaultPort}; 0 = any free port)
  --host ADDR        the address to bind (default ${defaultHost}). Any other than loopback needs the
                     token in $ELF_HOME/server-token (created, mode 0600) on every request
  --allow-host NAME  another Host name to answer to (a proxy's); repeatable
  --quiet            no start line
  -h, --help         this help
  -v, --version      the version

Stops on SIGINT or SIGTERM after answering the requests it has.`;

function elfHome(env: NodeJS.ProcessEnv, cwd: string, home: string): string {
  const value = env.ELF_HOME?.trim();
  return value ? (isAbsolute(value) ? value : resolve(cwd, value)) : join(home, '.elf');
}

function portOf(text: string, name = '--port'): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new Error(`${name}: must be a whole number from 0 to 65535 (got "${text}")`);
  return port;
}

/** argv → what to do. Bad arguments throw one line naming the option. */
export function parseServerArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): ParsedArgs {
  if (argv[0] === 'service') return { kind: 'service', args: argv.slice(1) };
  const { values, positionals } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length > 0) throw new Error(`unknown command "${positionals[0]}" (see elf-server --help)`);
  const home = elfHome(env, cwd, homedir());
  const envPort = env.ELF_SERVER_PORT?.trim();
  return {
    kind: 'serve',
    options: {
      db: values.db ? (values.db === ':memory:' ? values.db : resolve(cwd, values.db)) : join(home, 'elf.db'),
      home,
      host: values.host?.trim() || defaultHost,
      port:
        values.port !== undefined ? portOf(values.port) : envPort ? portOf(envPort, 'ELF_SERVER_PORT') : defaultPort,
      allowHosts: values['allow-host'] ?? [],
      quiet: values.quiet ?? false,
    },
  };
}
