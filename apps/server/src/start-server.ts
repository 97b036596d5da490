import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ContextBuilder, o200kCounter } from '@elf/context';
import { Elf } from '@elf/core';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ChangeFeed } from './feed/change-feed.js';
import { TtlCache } from './feed/ttl-cache.js';
import { isLoopback, serverHosts } from './http/security.js';
import type { ServerContext } from './server-context.js';
import type { ServerOptions } from './server-options.js';
import { serverToken } from './token-file.js';

/** How often the context builder reads ahead what changed (see ContextBuilder.warm) and queued telemetry is written. */
const warmEveryMs = 2000;

/** How long a request waits for another process's write lock (8 CLI writers at once must not fail it). */
const busyTimeoutMs = 10_000;

export interface RunningServer {
  url: string;
  port: number;
  context: ServerContext;
  close(): Promise<void>;
}

/** The dashboard's files: dist/web beside the bundle (the installed package's, or the build's). */
function webRoot(): string | null {
  // __filename is the bundle's (dist/server.cjs); tests run the sources, where the dashboard is not served.
  if (typeof __filename !== 'string') return null;
  const root = join(dirname(__filename), 'web');
  return existsSync(join(root, 'index.html')) ? root : null;
}

function tokenizer() {
  // The CommonJS bundle's own require (see the CLI's runtime/tokenizer.ts); the sources under test are ESM.
  const load = typeof require === 'function' ? require : createRequire(import.meta.url);
  const { countTokens } = load('gpt-tokenizer/encoding/o200k_base') as { countTokens: (text: string) => number };
  return o200kCounter(countTokens);
}

export interface ContextOptions {
  host: string;
  home: string;
  log(line: string): void;
}

/** Everything the routes share, over an open Elf. `hosts` stays empty until the port is known (addHosts). */
export function serverContext(elf: Elf, options: ContextOptions): ServerContext & { hosts: Set<string> } {
  const tokenRequired = !isLoopback(options.host);
  const feed = new ChangeFeed(elf);
  return {
    elf,
    builder: new ContextBuilder(elf),
    feed,
    cache: new TtlCache(feed),
    version: __ELF_VERSION__,
    // Filled in once the port is bound (port 0 picks one); the security check reads this same set.
    hosts: new Set<string>(),
    token: tokenRequired ? serverToken(options.home).token : null,
    tokenRequired,
    userHome: homedir(),
    cwd: process.cwd(),
    webRoot: webRoot(),
    log: options.log,
    countTokens: () => {
      // Views made from here on share it (Elf.scoped copies the connection's counter).
      elf.core.tokenCounter ??= tokenizer();
    },
  };
}

/** Opens the database, listens, and returns once the port is bound. */
export async function startServer(options: ServerOptions, log: (line: string) => void): Promise<RunningServer> {
  // Waiting for another process's lock must not hold up every other request: the wait yields.
  const elf = await Elf.open({
    path: options.db,
    busyTimeoutMs,
    busyWait: 'yield',
    projectPath: null,
  });
  const context = serverContext(elf, { host: options.host, home: options.home, log });
  const { feed, hosts } = context;
  // What hook builds would otherwise read a little at a time is read now, and again after a
  // change moved an index (every few seconds, off the request path).
  await context.builder.warm();
  const warming = setInterval(() => {
    void context.builder.warm().catch(() => undefined);
    // Hook events queue their query telemetry; one short write every few seconds keeps it current.
    void elf.flushTelemetry();
  }, warmEveryMs);
  warming.unref();
  const app = createApp(context);
  let server: ServerType | undefined;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
        // The Host names are known once the port is (port 0 picks one).
        for (const name of serverHosts(options.host, info.port, options.allowHosts)) hosts.add(name);
        resolve(info.port);
      });
      server.once('error', reject);
    });
    const bound = server as unknown as ServerType & { closeAllConnections(): void; closeIdleConnections(): void };
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
      url: `http://${host}:${port}/`,
      port,
      context,
      close: async () => {
        feed.stop();
        clearInterval(warming);
        await new Promise<void>((resolve) => {
          bound.close(() => resolve());
          bound.closeIdleConnections();
          // Event streams never end on their own: requests in flight get two seconds, then the rest are cut.
          setTimeout(() => bound.closeAllConnections(), 2000).unref();
        });
        await elf.close();
      },
    };
  } catch (error) {
    clearInterval(warming);
    await elf.close();
    throw error;
  }
}
