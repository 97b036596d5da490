// The MCP bundle's entry (dist/mcp.cjs): `elf mcp`, ELF's MCP server over stdio, without the
// command framework. bin.ts loads it for `elf mcp` itself; `elf mcp install|uninstall|--help`
// take the full CLI.

import { parseArgs } from 'node:util';
import { runMcpStdio } from './commands/mcp/mcp-serve.js';
import { processIo } from './process-io.js';

export async function runCli(argv: readonly string[]): Promise<number> {
  const io = processIo();
  try {
    const { values } = parseArgs({
      args: argv.filter((arg) => arg !== 'mcp'),
      options: {
        db: { type: 'string' },
        project: { type: 'string' },
        debug: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    return await runMcpStdio(values, io);
  } catch (error) {
    // Before the protocol starts, or when the database cannot be opened: one line, exit 1.
    io.stderr(`elf mcp: ${(error as Error).message.split('\n')[0]}\n`);
    return 1;
  }
}

export { runMcpStdio };
