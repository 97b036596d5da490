import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Elf } from '@elf/core';
import { afterTest, TestClock, tempDir } from '@elf/test-support';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import {
  type CallToolResult,
  ListRootsRequestSchema,
  type ReadResourceResult,
} from '@modelcontextprotocol/sdk/types.js';
import { sql } from 'kysely';
import { createElfMcpServer, type ElfMcpOptions } from '../../src/index.js';

/**
 * The SDK's own client connected to ELF's MCP server in this process, over a real database in a
 * temp git project. (The transports of the CLI and the server are tested with real processes.)
 */
export async function connected(options: Partial<ElfMcpOptions> = {}, roots?: (root: string) => string[]) {
  const dir = realpathSync(tempDir('elf-mcp-'));
  const root = join(dir, 'shop');
  execFileSync('git', ['init', '-q', root]);
  const clock = new TestClock();
  const elf = await Elf.open({ path: join(dir, 'elf.db'), cwd: root, clock });
  afterTest(() => elf.close());
  const server = createElfMcpServer({ elf, version: '0.0.0-test', cwd: root, ...options });
  const client = new Client({ name: 'elf-test', version: '1.0.0' }, roots ? { capabilities: { roots: {} } } : {});
  // A client that reports where it works (MCP roots), as editors do.
  if (roots)
    client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: roots(root).map((path) => ({ uri: pathToFileURL(path).href, name: 'workspace' })),
    }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  afterTest(() => client.close());
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    dir,
    root,
    elf,
    clock,
    client,
    call,
    /** The text of a tool's answer. */
    text: async (name: string, args: Record<string, unknown> = {}) => {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
      return textOf(result);
    },
    /** Rows this connection has written so far: any write at all moves it. */
    writes: async () => (await sql<{ n: number }>`select total_changes() as n`.execute(elf.db)).rows[0]?.n ?? -1,
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('\n');
}

export function resourceText(result: ReadResourceResult): string {
  return result.contents.map((content) => ('text' in content ? content.text : '')).join('\n');
}
