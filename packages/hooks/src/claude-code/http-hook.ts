import { ElfError } from '@elf/core';

// ELF's `type: "http"` handler: Claude Code POSTs the hook's JSON to elf-server, which runs the
// same handlers as `elf hook` in a process that is already warm (no node start per event).

/** elf-server's hook route; a handler whose URL path ends with it is ELF's. */
export const elfHookRoute = '/hooks/claude-code';

/** Where `elf-server` listens unless told otherwise. */
export const defaultElfHookUrl = `http://127.0.0.1:4747${elfHookRoute}`;

/**
 * The variable an http handler's Authorization header is filled from. Claude Code interpolates
 * `$NAME` in `headers` only for names listed in the handler's `allowedEnvVars`, so the token stays
 * out of the settings file (which people commit and share).
 */
export const serverTokenEnv = 'ELF_SERVER_TOKEN';

/**
 * Events Claude Code never sends to an http handler: they keep the command handler. Seen with the
 * real client (2.1.328, debug log "HTTP hooks are not supported for SessionStart"); every other
 * event ELF handles (prompt, tool events, subagent stop, pre-compact, session end) is delivered.
 */
export const commandOnlyEvents: ReadonlySet<string> = new Set(['SessionStart', 'Setup']);

/** What an http handler is given besides its URL. */
export interface ElfHttpHook {
  url: string;
  /** Send `Authorization: Bearer $ELF_SERVER_TOKEN` (a non-loopback server needs its token). */
  token: boolean;
}

const invalid = (message: string) => new ElfError('INVALID_INPUT', `url: ${message}`, { field: 'url' });

/**
 * The hook URL to install: an http(s) URL whose path is elf-server's hook route (a bare origin
 * gets it appended; a prefix before it is kept, for a reverse proxy). Anything else is refused
 * with one line, because an unrecognisable URL could never be found again to replace or remove.
 */
export function parseElfHookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid(`"${text}" is not a URL; give one like ${defaultElfHookUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(`must be an http:// or https:// URL (got "${text}")`);
  if (url.username || url.password)
    throw invalid('must not hold credentials: a non-loopback server gets its token in a header');
  if (url.hash) throw invalid(`must not have a #fragment (got "${text}")`);
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') url.pathname = elfHookRoute;
  else if (!path.endsWith(elfHookRoute))
    throw invalid(`must end with ${elfHookRoute}, elf-server's hook route (got "${text}")`);
  return url.href;
}

/** True for a URL on elf-server's hook route, whatever the host (so a moved server is still ours). */
export function isElfHookUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      parsed.pathname.replace(/\/+$/, '').endsWith(elfHookRoute)
    );
  } catch {
    return false;
  }
}

/** localhost, 127.0.0.0/8 or ::1: a server that only this machine reaches needs no token. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The server's base (the hook URL without the route): `${base}/api/meta` answers its version. */
export function elfServerBase(hookUrl: string): string {
  const url = new URL(hookUrl);
  url.pathname = url.pathname.replace(/\/+$/, '').slice(0, -elfHookRoute.length) || '/';
  url.search = '';
  return url.href.replace(/\/$/, '');
}

/** The handler object written into settings for one event. */
export function elfHttpHandler(hook: ElfHttpHook, timeout: number): Record<string, unknown> {
  return {
    type: 'http',
    url: hook.url,
    timeout,
    ...(hook.token
      ? { headers: { Authorization: `Bearer $${serverTokenEnv}` }, allowedEnvVars: [serverTokenEnv] }
      : {}),
  };
}
