import type { Hono } from 'hono';
import { McpSessions } from '../mcp/mcp-sessions.js';
import type { ServerContext } from '../server-context.js';

/**
 * `/mcp`: ELF's MCP server over Streamable HTTP (POST requests, GET for the server's stream,
 * DELETE to end a session), behind the same rules as the rest (Host, Origin, token). `?cwd=`
 * names the client's project (absolute); without it, the server's working directory.
 */
export function mcpRoute(app: Hono, server: ServerContext): void {
  const sessions = new McpSessions(server, server.mcpSessionLimits);
  app.on(['GET', 'POST', 'DELETE'], '/mcp', async (c) => {
    const response = await sessions.handle(c.req.raw, c.req.query('cwd'));
    // A tool may have recorded something: the change feed looks now, as after an API write.
    if (c.req.method === 'POST') await server.feed.poll();
    return response;
  });
}
