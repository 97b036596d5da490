import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Change } from '../feed/change-feed.js';
import type { ServerContext } from '../server-context.js';

const pingMs = 15_000;

/**
 * Server-Sent Events: `change` within one poll (200 ms) of a write by any process, and a comment
 * every 15 s so proxies keep the stream open. The dashboard refetches what it shows on each.
 */
export function eventsRoute(app: Hono, server: ServerContext): void {
  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      // Read before listening, so the first `change` is one that happened after `ready`.
      const ready = await server.feed.marker();
      const queue: Change[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = server.feed.subscribe((change) => {
        queue.push(change);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ marker: ready }) });
      while (!stream.aborted && !stream.closed) {
        const change = queue.shift();
        if (change) {
          await stream.writeSSE({ event: 'change', data: JSON.stringify(change) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pingMs).unref();
        });
        wake = null;
        if (queue.length === 0 && !stream.aborted) await stream.write(': ping\n\n');
      }
      unsubscribe();
    }),
  );
}
