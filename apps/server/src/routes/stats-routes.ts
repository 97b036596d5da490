import { statSync } from 'node:fs';
import { checkHealth, exportJsonl, exportMarkdown } from '@elf/maintenance';
import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { choiceParam } from '../http/params.js';
import type { ServerContext } from '../server-context.js';

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** What the dashboard shows first, and what a script checks: the server, the counts, the health. */
export function statsRoutes(app: Hono, server: ServerContext): void {
  app.get('/api/meta', (c) =>
    c.json({
      version: server.version,
      database: { path: server.elf.path, schemaVersion: server.elf.schemaVersion, sizeBytes: sizeOf(server.elf.path) },
      tokenRequired: server.tokenRequired,
    }),
  );

  // Kept counts make statistics() cheap; the cache saves even that for a dashboard polled by many tabs.
  app.get('/api/stats', async (c) =>
    c.json(
      await server.cache.get('stats', async () => ({
        stats: await server.elf.statistics(),
        generatedAt: new Date().toISOString(),
      })),
    ),
  );

  app.get('/api/health', async (c) => {
    const report = await server.cache.get('health', () => checkHealth({ path: server.elf.path }));
    return c.json(report, report.status === 'unhealthy' ? 503 : 200);
  });

  // Streams a batch at a time: memory stays flat however large the database.
  app.get('/api/export', (c) => {
    const format = choiceParam((n) => c.req.query(n), 'format', ['jsonl', 'markdown'] as const, 'jsonl');
    const day = new Date().toISOString().slice(0, 10);
    c.header(
      'content-type',
      format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'text/markdown; charset=utf-8',
    );
    c.header('content-disposition', `attachment; filename="elf-export-${day}.${format === 'jsonl' ? 'jsonl' : 'md'}"`);
    return stream(c, async (out) => {
      const write = (chunk: string) => out.write(chunk).then(() => undefined);
      if (format === 'jsonl') await exportJsonl(server.elf.db, write);
      else await exportMarkdown(server.elf.db, write);
    });
  });
}
