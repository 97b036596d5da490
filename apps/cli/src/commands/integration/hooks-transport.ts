import { resolve } from 'node:path';
import type { ElfHttpHook } from '@elf/hooks';
import type { Io } from '../../io.js';
import { defaultTokenFile, readToken } from './server-token.js';

// `--transport command|http`, `--url`, `--token-file`: which handlers install writes, checked
// before anything is built or written (a bad flag is one line and changes nothing).

export type Transport = 'command' | 'http';
export const transports: Transport[] = ['command', 'http'];

export interface TransportOptions {
  transport: Transport;
  url?: string;
  tokenFile?: string;
}

export interface ChosenTransport {
  /** The http handlers' URL and whether they send the token; absent for command handlers. */
  http?: ElfHttpHook;
  /** Where the token is read from, when the handlers send one. */
  tokenFile?: string;
  /** What the user must know (how the token reaches Claude Code). */
  notes: string[];
}

/**
 * Validates the flags. A server off loopback needs its token: the handlers get
 * `Authorization: Bearer $ELF_SERVER_TOKEN` with the variable allowed for interpolation, so the
 * secret stays out of the settings file; `--token-file` asks for the header on loopback too (a
 * server bound to all interfaces wants it from everyone).
 */
export async function chooseTransport(io: Io, opts: TransportOptions): Promise<ChosenTransport> {
  const { ElfError } = await import('@elf/core');
  const { defaultElfHookUrl, isLoopbackUrl, parseElfHookUrl, serverTokenEnv } = await import('@elf/hooks');
  if (opts.transport !== 'http') {
    if (opts.url !== undefined)
      throw new ElfError('INVALID_INPUT', 'url: only with --transport http', { field: 'url' });
    if (opts.tokenFile !== undefined)
      throw new ElfError('INVALID_INPUT', 'token_file: only with --transport http', { field: 'token_file' });
    return { notes: [] };
  }
  const url = parseElfHookUrl(opts.url ?? defaultElfHookUrl);
  if (isLoopbackUrl(url) && opts.tokenFile === undefined) return { http: { url, token: false }, notes: [] };
  const tokenFile = opts.tokenFile !== undefined ? resolve(io.cwd, opts.tokenFile) : defaultTokenFile(io);
  const token = readToken(tokenFile);
  if (token === null && opts.tokenFile !== undefined)
    throw new ElfError('INVALID_INPUT', `token_file: cannot read a token from ${tokenFile}`, { field: 'token_file' });
  const notes = [
    `Claude Code sends Authorization: Bearer $${serverTokenEnv}; start it with the token in its environment:`,
    `  export ${serverTokenEnv}="$(cat '${tokenFile.replace(/'/g, "'\\''")}')"`,
  ];
  if (token === null)
    notes.push(
      `(${tokenFile} does not exist yet: elf-server writes it when it first starts on an address other than loopback)`,
    );
  else if (io.env[serverTokenEnv] !== undefined && io.env[serverTokenEnv] !== token)
    notes.push(`(${serverTokenEnv} in this shell is not the token in ${tokenFile})`);
  return { http: { url, token: true }, tokenFile, notes };
}
