import { randomUUID } from 'node:crypto';
import { isElfError } from '@elf/core';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  RootsListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { followRoots } from './client-roots.js';
import { instructions } from './instructions.js';
import type { ElfMcpOptions } from './options.js';
import { readResource, resources } from './resources.js';
import { SessionEnv } from './tool-env.js';
import { elfTools, toolList } from './tools/all-tools.js';
import { parseArguments } from './tools/arguments.js';

// ELF never asks the client for input (elicitation), the one use of the SDK's JSON Schema
// validator; the default one builds an Ajv instance at start, which a cold `elf mcp` would pay for.
const noElicitation: jsonSchemaValidator = {
  getValidator: () => () => ({ valid: false, data: undefined, errorMessage: 'ELF does not elicit input' }),
};

const toolError = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });

/**
 * ELF's MCP server, not yet connected: `connect()` it to a transport (stdio, Streamable HTTP).
 * Tools and resources work through one view of the memory scoped to this client's session and
 * project. Bad arguments and refused records come back as tool errors naming the argument; the
 * server never throws for them, and nothing is written.
 */
export function createElfMcpServer(options: ElfMcpOptions): Server {
  const env = new SessionEnv(options, options.sessionId ?? `mcp-${randomUUID()}`);
  const server = new Server(
    { name: 'elf', title: 'ELF — learning memory', version: options.version },
    {
      capabilities: { tools: { listChanged: false }, resources: { listChanged: false } },
      instructions,
      jsonSchemaValidator: noElicitation,
    },
  );
  // Calls wait until the client has said where it works (when it says so: MCP roots).
  let ready: Promise<void> = Promise.resolve();
  if (options.followRoots !== false) {
    const follow = () => {
      ready = followRoots(server, env);
    };
    server.oninitialized = follow;
    server.setNotificationHandler(RootsListChangedNotificationSchema, follow);
  }
  const byName = new Map(elfTools.map((tool) => [tool.name, tool]));
  // Converted now, while the client waits for `initialize` anyway, so `tools/list` is a lookup.
  const tools = toolList();
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    const parsed = parseArguments(tool.input, request.params.arguments);
    if (!parsed.ok) return toolError(`Invalid arguments: ${parsed.message}`);
    try {
      await ready;
      const { text } = await tool.run(parsed.value, env);
      return { content: [{ type: 'text', text }] };
    } catch (error) {
      return toolError(failure(tool.name, error, options));
    }
  });
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: resources.map(({ read: _, ...resource }) => resource),
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [] }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    await ready;
    const result = await readResource(request.params.uri, env).catch((error: unknown) => {
      throw new McpError(ErrorCode.InternalError, failure(request.params.uri, error, options));
    });
    if (!result) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${request.params.uri}`);
    return result;
  });
  return server;
}

/** A refusal (bad input, unknown id) as ELF words it; anything else logged, and said in one line. */
function failure(what: string, error: unknown, options: ElfMcpOptions): string {
  if (isElfError(error) && (error.code === 'INVALID_INPUT' || error.code === 'NOT_FOUND')) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  options.logger?.warn(`mcp: ${what} failed`, { error: message });
  if (isElfError(error) && error.code === 'BUSY') return `ELF's database is busy; try again shortly (${message})`;
  return `ELF could not complete ${what}: ${message.split('\n')[0]}`;
}
