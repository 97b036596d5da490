import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HttpError } from './errors.js';

export const tokenCookie = 'elf_token';

export interface SecurityRules {
  /** Host header values this server answers to. */
  hosts: ReadonlySet<string>;
  token: string | null;
  tokenRequired: boolean;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(given: string | undefined, token: string | null): boolean {
  if (!given || !token) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: `Authorization: Bearer …`, or the cookie the dashboard link set. */
export function carriedToken(header: string | undefined, cookie: string | undefined): string | undefined {
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? cookie;
}

/**
 * Who may talk to the server:
 * - the Host must be one of its own names (a DNS-rebinding page reaches 127.0.0.1 under its own name);
 * - an Origin, when a browser sends one, must be the server's own;
 * - where a token is required (any bind but loopback), every request carries it;
 * - a state-changing request carries the token, or comes from the server's own page (its Origin,
 *   and not `Sec-Fetch-Site: cross-site`), or from a program that is no browser (no Origin: browsers
 *   send one with every cross-origin POST). JSON bodies are checked apart (content type).
 */
export function security(rules: SecurityRules): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (!host || !rules.hosts.has(host)) {
      throw new HttpError(403, 'FORBIDDEN', `Host: "${host ?? ''}" is not a name of this server`, 'Host');
    }
    const origin = c.req.header('origin');
    const ownOrigin = origin !== undefined && origin !== 'null' && sameOrigin(origin, rules.hosts);
    if (origin !== undefined && !ownOrigin) {
      throw new HttpError(403, 'FORBIDDEN', `Origin: "${origin}" may not use this server`, 'Origin');
    }
    const authorized = sameToken(carriedToken(c.req.header('authorization'), getCookie(c, tokenCookie)), rules.token);
    const tokenless = c.req.path === '/' || c.req.path.startsWith('/assets/') || c.req.path === '/favicon.svg';
    if (rules.tokenRequired && !authorized && !tokenless) {
      throw new HttpError(
        401,
        'UNAUTHORIZED',
        'Authorization: a valid token is required (see $ELF_HOME/server-token)',
        'Authorization',
      );
    }
    if (unsafeMethods.has(c.req.method) && !authorized) {
      if (c.req.header('sec-fetch-site') === 'cross-site') {
        throw new HttpError(403, 'FORBIDDEN', 'Sec-Fetch-Site: cross-site requests may not change anything', 'Origin');
      }
    }
    await next();
  };
}

function sameOrigin(origin: string, hosts: ReadonlySet<string>): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && hosts.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}

/** The Host names of a server bound at host:port: loopback's spellings, and the bound address. */
export function serverHosts(host: string, port: number, extra: readonly string[]): Set<string> {
  const names = new Set<string>();
  const add = (name: string) =>
    names.add(`${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`.toLowerCase());
  if (isLoopback(host) || host === '0.0.0.0' || host === '::')
    for (const name of ['127.0.0.1', 'localhost', '::1']) add(name);
  if (host !== '0.0.0.0' && host !== '::') add(host);
  // A name given with its port (`proxy.lan:443`) is taken as it is; a bare one gets the server's.
  for (const name of extra)
    names.add((/:\d+$/.test(name) && !/^[^[]*:.*:/.test(name) ? name : `${name}:${port}`).toLowerCase());
  return names;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
