import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { tokenCookie } from '../http/security.js';
import type { ServerContext } from '../server-context.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The dashboard: index.html at `/`, hashed assets under `/assets/` (cached for a year: their names
 * change with their content), read from the package's dist/web. Nothing outside it is served.
 */
export function staticRoutes(app: Hono, server: ServerContext): void {
  const root = server.webRoot;
  const file = async (relative: string) => {
    if (!root) return null;
    const path = normalize(join(root, relative));
    if (!path.startsWith(root + sep)) return null;
    try {
      return await readFile(path);
    } catch {
      return null;
    }
  };

  app.get('/', async (c) => {
    // `/?token=…` (the link elf-server prints on a non-loopback bind) sets the cookie the page's
    // requests then carry, and drops the token from the address bar.
    const token = c.req.query('token');
    if (token !== undefined && server.token !== null && token === server.token) {
      setCookie(c, tokenCookie, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      return c.redirect('/', 303);
    }
    const html = await file('index.html');
    if (!html)
      return c.text('The dashboard is not built: run `pnpm --filter @elf/server build`. The API is at /api.', 503);
    return c.body(new Uint8Array(html), 200, { 'content-type': types['.html'] as string, 'cache-control': 'no-cache' });
  });

  app.get('/assets/*', async (c) => {
    const relative = c.req.path.slice(1);
    const body = await file(relative);
    if (!body) return c.notFound();
    return c.body(new Uint8Array(body), 200, {
      'content-type': types[extname(relative)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
}
