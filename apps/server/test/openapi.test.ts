import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { routeDocs } from '../src/openapi/route-docs.js';
import { testServer } from './support/test-server.js';

describe('the OpenAPI document', () => {
  it('describes exactly the routes the app answers', async () => {
    const t = await testServer();
    const app = createApp(t.context);
    const served = new Set(
      app.routes
        .filter(
          (r) =>
            r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path.startsWith('/hooks/') || r.path === '/mcp'),
        )
        .map((r) => `${r.method.toLowerCase()} ${r.path}`),
    );
    const documented = new Set(routeDocs.map((d) => `${d.method} ${d.path}`));
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('is served as OpenAPI 3.1 with every path', async () => {
    const t = await testServer();
    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, object>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/heuristics/{id}/promote');
    expect(Object.keys(doc.paths).length).toBe(new Set(routeDocs.map((d) => d.path)).size);
  });
});
