import { isDeepStrictEqual } from 'node:util';
import { parseJsonConfig, removeJsonServer, serversIn, upsertJsonServer } from './json-config.js';
import type { ConfigFormat } from './mcp-clients.js';
import { isElfServer, jsonServerEntry, type ServerCommand, serverName } from './mcp-entry.js';
import { parseTomlConfig, removeTomlServer, tomlServers, upsertTomlServer } from './toml-config.js';

// What install and uninstall would make of a file's text: decisions only, no I/O. A refusal is an
// Error whose message continues the file's name ("<file> is not valid JSON …").

export type InstallAction = 'added' | 'updated' | 'unchanged';
export type UninstallAction = 'removed' | 'absent' | 'foreign';

export interface Plan<A> {
  next: string;
  action: A;
  /** The entry named `elf` that was there, if any. */
  existing: unknown;
}

/** The servers a file holds, by name; throws when the file is not the client's format. */
export function serversOf(format: ConfigFormat, text: string | null): Record<string, unknown> {
  if (text === null) return {};
  return format.kind === 'json'
    ? serversIn(parseJsonConfig(text, format.jsonc), format.container)
    : tomlServers(parseTomlConfig(text));
}

/** One line for someone else's entry, for the message that leaves it alone. */
export function describeEntry(entry: unknown): string {
  const { command, args, url } = (entry ?? {}) as { command?: unknown; args?: unknown; url?: unknown };
  if (typeof command === 'string') return [command, ...(Array.isArray(args) ? args : [])].join(' ');
  return typeof url === 'string' ? url : JSON.stringify(entry);
}

/** ELF's entry in, or brought up to date; a server of someone else's under the name `elf` is refused. */
export function planInstall(
  format: ConfigFormat,
  text: string | null,
  server: ServerCommand,
  currentBin?: string,
): Plan<InstallAction> {
  const existing = serversOf(format, text)[serverName];
  if (existing !== undefined && !isElfServer(existing, currentBin))
    throw new Error(
      `has a server named "${serverName}" that does not run \`elf mcp\` (${describeEntry(existing)}); rename or remove it first`,
    );
  const wanted = format.kind === 'json' ? jsonServerEntry(server, format.stdioType) : { ...server };
  const current = (existing ?? {}) as Record<string, unknown>;
  if (existing !== undefined && Object.entries(wanted).every(([key, value]) => isDeepStrictEqual(current[key], value)))
    return { next: text ?? '', action: 'unchanged', existing };
  const next =
    format.kind === 'json'
      ? upsertJsonServer(text, format.container, serverName, wanted)
      : upsertTomlServer(text ?? '', serverName, server);
  return { next, action: existing === undefined ? 'added' : 'updated', existing };
}

/** ELF's entry out; an `elf` entry that does not run `elf mcp` is someone else's and stays. */
export function planUninstall(format: ConfigFormat, text: string | null, currentBin?: string): Plan<UninstallAction> {
  const existing = serversOf(format, text)[serverName];
  if (text === null || existing === undefined) return { next: text ?? '', action: 'absent', existing };
  if (!isElfServer(existing, currentBin)) return { next: text, action: 'foreign', existing };
  const next =
    format.kind === 'json' ? removeJsonServer(text, format.container, serverName) : removeTomlServer(text, serverName);
  return { next, action: 'removed', existing };
}
