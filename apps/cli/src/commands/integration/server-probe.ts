import { readToken } from './server-token.js';

// Whether elf-server answers where the http hooks point: `GET <base>/api/meta`, briefly. Status
// and install say it, because an http hook whose server is down fails open in silence (Claude
// Code logs ECONNREFUSED in its debug log and the session goes on without ELF).

export interface ServerProbe {
  /** The server's base URL (the hook URL without /hooks/claude-code). */
  base: string;
  answers: boolean;
  version: string | null;
  /** The HTTP status it answered with, if it answered at all. */
  status: number | null;
  /** Why it does not count as answering (refused, timed out, HTTP 401, not elf-server). */
  error: string | null;
}

/** What a failed fetch says in a few words: the socket error's code, or a timeout. */
function reason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer in time';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

export async function probeServer(base: string, token?: string, timeoutMs = 500): Promise<ServerProbe> {
  const none = { base, answers: false, version: null };
  try {
    const response = await fetch(`${base}/api/meta`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (!response.ok) return { ...none, status: response.status, error: `HTTP ${response.status}` };
    const body = (await response.json().catch(() => null)) as { version?: unknown } | null;
    if (typeof body?.version !== 'string')
      return { ...none, status: response.status, error: 'not elf-server (no version in /api/meta)' };
    return { base, answers: true, version: body.version, status: response.status, error: null };
  } catch (error) {
    return { ...none, status: null, error: reason(error) };
  }
}

/** One line for people. */
export function probeLine(probe: ServerProbe): string {
  return probe.answers
    ? `server answers at ${probe.base} (version ${probe.version})`
    : `server not answering at ${probe.base} (${probe.error}): start it with \`elf-server\` or \`elf-server service install\``;
}

/**
 * Probes the server behind an http hook URL. The token goes along only where the hooks send one
 * (a server off loopback wants it on every request): from $ELF_SERVER_TOKEN, as Claude Code will
 * send it, else from the token file.
 */
export async function probeHookServer(
  env: Record<string, string | undefined>,
  hookUrl: string,
  sendsToken: boolean,
  tokenFile: string,
): Promise<ServerProbe> {
  const { elfServerBase, serverTokenEnv } = await import('@elf/hooks');
  const token = sendsToken ? (env[serverTokenEnv] ?? readToken(tokenFile) ?? undefined) : undefined;
  return probeServer(elfServerBase(hookUrl), token);
}
