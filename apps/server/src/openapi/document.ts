import { type RouteDoc, routeDocs } from './route-docs.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
    },
  },
};

function operation(doc: RouteDoc) {
  const params = [...doc.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = (doc.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));
  return {
    tags: [doc.tag],
    summary: doc.summary,
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(doc.body
      ? { requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } } }
      : {}),
    responses: {
      '200': { description: 'OK' },
      default: {
        description: 'An error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

/** The OpenAPI 3.1 description of the server, built from the route docs. */
export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of routeDocs) {
    const path = doc.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [doc.method]: operation(doc) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'elf-server',
      version,
      description:
        "ELF's HTTP API. Lists take limit and offset and answer { items, total, limit, offset }. State-changing requests send JSON and, unless they come from the dashboard's own origin, `Authorization: Bearer <token>` where a token is required.",
    },
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
}
