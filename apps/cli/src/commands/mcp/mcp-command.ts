import { join } from 'node:path';
import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { registerMcpInstallCommand } from './mcp-install.js';
import type { runMcpStdio } from './mcp-serve.js';
import { registerMcpUninstallCommand } from './mcp-uninstall.js';

type McpBundle = { runMcpStdio: typeof runMcpStdio };

/**
 * `elf mcp`: ELF's MCP server over stdio (what a client's configuration runs), and
 * `elf mcp install | uninstall` to put it in, or take it out of, a client's configuration.
 */
export function registerMcpCommand(program: Command, cli: CliContext): void {
  const mcp = program
    .command('mcp')
    .description(
      'run ELF’s MCP server over stdio (clients start it); `elf mcp install --client …` adds it to Claude Code, Cursor, VS Code, Codex or Claude Desktop',
    )
    .option(
      '--project <dir>',
      'the project the client works in (default: its one workspace root, MCP roots, else the directory it starts the server in)',
    )
    .action(
      handler<{ project?: string }>(cli, async (opts, globals) => {
        // bin.js sends `elf mcp` straight to its own bundle (dist/mcp.cjs, the only one with the
        // MCP SDK); this path, for a caller of the full CLI's runCli, hands over to that bundle
        // rather than inlining the SDK here and into every other command's cold start.
        const { runMcpStdio } = require(join(__dirname, 'mcp.cjs')) as McpBundle;
        cli.exitCode = await runMcpStdio({ ...globals, ...(opts.project ? { project: opts.project } : {}) }, cli.io);
      }),
    );
  registerMcpInstallCommand(mcp, cli);
  registerMcpUninstallCommand(mcp, cli);
}
