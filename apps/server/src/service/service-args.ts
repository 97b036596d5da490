// `elf-server service install|uninstall|status [--port N] [--db FILE] [--dry-run]`: argv in, a
// checked request out. Every refusal is one line naming the flag, before anything is touched.

export type ServiceAction = 'install' | 'uninstall' | 'status';

export interface ServiceRequest {
  action: ServiceAction;
  /** The port the service listens on (install); absent: the server's default. */
  port?: number;
  /** The database, as given (made absolute by the caller, who knows the working directory). */
  db?: string;
  dryRun: boolean;
}

export type ParsedService = { kind: 'help' } | { kind: 'run'; request: ServiceRequest };

export const serviceUsage = `Usage: elf-server service install [--port N] [--db FILE] [--dry-run]
       elf-server service uninstall [--dry-run]
       elf-server service status

Runs elf-server in the background from login on: a systemd user unit on Linux
(~/.config/systemd/user/elf-server.service), a launchd agent on macOS
(~/Library/LaunchAgents/dev.elf.server.plist). install writes the file and starts it; uninstall
stops it and removes the file (only one written by install); status says whether it is installed
and whether the server answers. --dry-run shows the file and the commands without doing anything.
ELF_SERVICE_NO_MANAGER=1 writes and removes the file but leaves systemctl / launchctl to you.`;

const actions: readonly ServiceAction[] = ['install', 'uninstall', 'status'];

export class ServiceArgsError extends Error {}

function portOf(text: string, name: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535)
    throw new ServiceArgsError(`${name}: must be a whole number from 1 to 65535 (got "${text}")`);
  return port;
}

/** Parses the words after `service`; `envPort` is $ELF_SERVER_PORT, the server's own fallback. */
export function parseServiceArgs(args: readonly string[], envPort?: string): ParsedService {
  const [action, ...rest] = args;
  if (action === '--help' || action === '-h') return { kind: 'help' };
  if (!actions.includes(action as ServiceAction))
    throw new ServiceArgsError(
      `service: say install, uninstall or status${action === undefined ? '' : ` (got "${action}")`}`,
    );
  const request: ServiceRequest = { action: action as ServiceAction, dryRun: false };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] as string;
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? word.split(/=(.*)/s, 2) : [word, undefined];
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || next === '') throw new ServiceArgsError(`${flag}: needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    if (flag === '--dry-run' && inline === undefined && action !== 'status') request.dryRun = true;
    else if ((flag === '--port' || flag === '--db') && action !== 'install')
      throw new ServiceArgsError(`${flag}: only with service install`);
    else if (flag === '--port') request.port = portOf(value(), '--port');
    else if (flag === '--db') {
      const db = value();
      if (/[\r\n]/.test(db)) throw new ServiceArgsError('--db: must be one line');
      if (db === ':memory:') throw new ServiceArgsError('--db: a service needs a database file, not :memory:');
      request.db = db;
    } else throw new ServiceArgsError(`service ${action}: unknown option "${word}" (see elf-server service --help)`);
  }
  if (request.action === 'install' && request.port === undefined && envPort?.trim())
    request.port = portOf(envPort.trim(), 'ELF_SERVER_PORT');
  return { kind: 'run', request };
}
