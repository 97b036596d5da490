import { Option } from 'commander';
import { mcpClients } from './mcp-clients.js';

// --client and --scope are checked by the command itself (mcp-target.ts), not by commander's
// choices, so a bad value is one `elf: --client: …` line like every other refused flag.

export const clientOption = () =>
  new Option('--client <client>', `the MCP client whose configuration to edit: ${mcpClients.join(', ')}`);

export const scopeOption = () =>
  new Option(
    '--scope <scope>',
    `user (default: the client's own file in your home, for every project; the entry holds this machine's paths) or project (the checkout's .mcp.json, .cursor/, .vscode/ or .codex/; claude-desktop has none)`,
  );

export const dryRunOption = () => new Option('--dry-run', 'print the file and the change; write nothing');
