import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorBody, errorResponse, HttpError } from './http/errors.js';
import { securityHeaders } from './http/headers.js';
import { security } from './http/security.js';
import { openApiDocument } from './openapi/document.js';
import { activityRoutes } from './routes/activity-routes.js';
import { eventsRoute } from './routes/events-route.js';
import { heuristicRoutes } from './routes/heuristic-routes.js';
import { hooksRoute } from './routes/hooks-route.js';
import { knowledgeRoutes } from './routes/knowledge-routes.js';
import { learningRoutes } from './routes/learning-routes.js';
import { mcpRoute } from './routes/mcp-route.js';
import { searchRoutes } from './routes/search-routes.js';
import { staticRoutes } from './routes/static-routes.js';
import { statsRoutes } from './routes/stats-routes.js';
import type { ServerContext } from './server-context.js';

/** API bodies are small; a hook payload carries a tool's output (the command hook reads up to 16 MB). */
export const apiBodyLimit = 1_048_576;
export const hookBodyLimit = 16 * 1_048_576;

const tooLarge = (limit: number) => () => {
  throw new HttpError(413, 'TOO_LARGE', `body: larger than ${limit.toLocaleString('en')} bytes`, 'body');
};

/** The whole server as a hono app: tests drive it in-process with app.request(). */
export function createApp(server: ServerContext): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error, server.log));
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));
  app.use('*', securityHeaders());
  app.use('*', security({ hosts: server.hosts, token: server.token, tokenRequired: server.tokenRequired }));
  app.use('/hooks/*', bodyLimit({ maxSize: hookBodyLimit, onError: tooLarge(hookBodyLimit) }));
  app.use('/api/*', bodyLimit({ maxSize: apiBodyLimit, onError: tooLarge(apiBodyLimit) }));
  app.use('/mcp', bodyLimit({ maxSize: apiBodyLimit, onError: tooLarge(apiBodyLimit) }));
  // After a write the change feed looks at once: caches drop and open dashboards hear of it now.
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET') server.countTokens();
    await next();
    if (c.req.method !== 'GET' && c.res.status < 400) await server.feed.poll();
  });

  hooksRoute(app, server);
  statsRoutes(app, server);
  heuristicRoutes(app, server);
  learningRoutes(app, server);
  knowledgeRoutes(app, server);
  searchRoutes(app, server);
  activityRoutes(app, server);
  eventsRoute(app, server);
  mcpRoute(app, server);
  const document = openApiDocument(server.version);
  app.get('/api/openapi.json', (c) => c.json(document));
  staticRoutes(app, server);
  return app;
}
