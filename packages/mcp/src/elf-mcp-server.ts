import { randomUUID } from 'node:crypto';
import { ContextBuilder } from '@elf/context';
import { isElfError } from '@elf/core';
import { defaultHookSettings } from '@elf/hooks';
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
} from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { instructions } from './instructions.js';
import type { ElfMcpOptions } from './options.js';
import { readResource, resources } from './resources.js';
import { elfTools, toolList } from './tools/all-tools.js';
import { parseArguments } from './tools/arguments.js';
import type { ToolEnv } from './tools/tool-spec.js';

// ELF never asks the client for input (elicitation), the one use of the SDK's JSON Schema
// validator; the default one builds an Ajv instance at start, which a cold `elf mcp` would pay for.
const noElicitation: jsonSchemaValidator = {
  getValidator: () => () => ({ valid: false, data: undefined, errorMessage: 'ELF does not elicit input' }),
};

const toolError = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });

/** The environment of one client's tool calls: its own session and project on the shared memory. */
function toolEnv(options: ElfMcpOptions): ToolEnv {
  const session = { sessionId: options.sessionId ?? `mcp-${randomUUID()}`, cwd: options.cwd };
  const elf = options.elf.scoped({ cwd: session.cwd, sessionId: session.sessionId });
  // One builder for every call (its cache stays warm), unless the app shares its own.
  const make = options.contextBuilder;
  const own = make ? null : new ContextBuilder(elf);
  const builder = () => (make ? make(elf) : (own as ContextBuilder));
  return {
    elf,
    session,
    settings: options.settings ?? defaultHookSettings,
    loop: { home: options.home ?? null, contextBuilder: builder },
    builder,
    async beforeWrite() {
      await options.beforeWrite?.();
      // A view copies the token counter when it is made: give it the one loaded since.
      elf.core.tokenCounter ??= options.elf.core.tokenCounter;
    },
  };
}

/**
 * ELF's MCP server, not yet connected: `connect()` it to a transport (stdio, Streamable HTTP).
 * Tools and resources work through one view of the memory scoped to this client's session and
 * project. Bad arguments and refused records come back as tool errors naming the argument; the
 * server never throws for them, and nothing is written.
 */
export function createElfMcpServer(options: ElfMcpOptions): Server {
  const env = toolEnv(options);
  const server = new Server(
    { name: 'elf', title: 'ELF — learning memory', version: options.version },
    {
      capabilities: { tools: { listChanged: false }, resources: { listChanged: false } },
      instructions,
      jsonSchemaValidator: noElicitation,
    },
  );
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
