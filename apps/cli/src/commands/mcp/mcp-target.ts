import { join } from 'node:path';
import type { Io } from '../../io.js';
import { resolveConfigFile } from '../../runtime/config-file.js';
import {
  type ClientSpec,
  clientSpecs,
  defaultScope,
  type McpClient,
  type McpScope,
  mcpClients,
  projectConfigFiles,
  userConfigFile,
} from './mcp-clients.js';

/** The flags install and uninstall share. */
export interface McpEditOptions {
  client?: string;
  scope?: string;
  dryRun?: boolean;
}

/** Which client's file, in which scope. */
export interface Target {
  client: McpClient;
  scope: McpScope;
  spec: ClientSpec;
  file: string;
}

async function invalid(field: string, message: string): Promise<Error> {
  const { ElfError } = await import('@elf/core');
  return new ElfError('INVALID_INPUT', `${field}: ${message}`, { field });
}

/** Checks --client and --scope (before anything is read) and finds the file they name. */
export async function resolveTarget(io: Io, opts: McpEditOptions): Promise<Target> {
  const choices = mcpClients.join(', ');
  if (opts.client === undefined) throw await invalid('client', `required: one of ${choices}`);
  if (!(mcpClients as readonly string[]).includes(opts.client))
    throw await invalid('client', `must be one of ${choices}, not "${opts.client}"`);
  const client = opts.client as McpClient;
  const spec = clientSpecs[client];
  const scope = opts.scope ?? defaultScope;
  if (scope !== 'user' && scope !== 'project') throw await invalid('scope', `must be user or project, not "${scope}"`);
  if (!spec.scopes.includes(scope))
    throw await invalid('scope', `${client} has no ${scope} scope (${spec.title} reads only its user configuration)`);
  let file: string;
  if (scope === 'user') file = userConfigFile(client, { platform: process.platform, env: io.env, homedir: io.homedir });
  else {
    const { resolveCheckoutRoot } = await import('@elf/core');
    file = join(resolveCheckoutRoot(io.cwd), projectConfigFiles[client] as string);
  }
  return { client, scope, spec, file: resolveConfigFile(file) };
}

/** A refusal about the file, naming it: `scope: <file> is not valid JSON (…); nothing changed`. */
export async function invalidFile(file: string, error: unknown): Promise<Error> {
  return invalid('scope', `${file} ${(error as Error).message}; nothing changed`);
}
