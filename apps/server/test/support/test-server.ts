import { Elf } from '@elf/core';
import { openTempElf, tempDir } from '@elf/test-support';
import { createApp } from '../../src/app.js';
import type { ServerContext } from '../../src/server-context.js';
import { serverContext } from '../../src/start-server.js';

export const origin = 'http://127.0.0.1:4747';

export interface TestServer {
  elf: Elf;
  home: string;
  lines: string[];
  context: ReturnType<typeof serverContext>;
  /** A request through the app in-process, with the Host a real client on loopback sends. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** The app over a temp database, as `elf-server` on 127.0.0.1:4747 would serve it. */
export async function testServer(
  options: { host?: string; mcpSessionLimits?: ServerContext['mcpSessionLimits'] } = {},
): Promise<TestServer> {
  const { elf } = await openTempElf(Elf, { projectPath: null });
  const home = tempDir('elf-server-home-');
  const lines: string[] = [];
  const context = serverContext(elf, { host: options.host ?? '127.0.0.1', home, log: (line) => lines.push(line) });
  for (const host of ['127.0.0.1:4747', 'localhost:4747']) context.hosts.add(host);
  if (options.mcpSessionLimits) context.mcpSessionLimits = options.mcpSessionLimits;
  const app = createApp(context);
  return {
    elf,
    home,
    lines,
    context,
    request(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has('host')) headers.set('host', '127.0.0.1:4747');
      if (json !== undefined) {
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
        rest.body = JSON.stringify(json);
        rest.method ??= 'POST';
      }
      return Promise.resolve(app.request(`${origin}${path}`, { ...rest, headers }));
    },
  };
}
