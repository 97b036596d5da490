import type { Command } from 'commander';
import { resolveDatabasePath } from '../../runtime/database-path.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { emit } from '../../runtime/output.js';
import type { McpClient, McpScope } from './mcp-clients.js';
import { clientOption, dryRunOption, scopeOption } from './mcp-options.js';
import type { InstallAction } from './mcp-plan.js';
import type { McpEditOptions } from './mcp-target.js';

/** What to tell the user after an install, beyond what was written. */
function installNotes(client: McpClient, scope: McpScope, dryRun: boolean): string[] {
  const notes: string[] = [];
  if (scope === 'project')
    notes.push('the entry names this machine’s node and ELF: commit it only where everyone’s paths are the same');
  if (client === 'claude-code' && scope === 'project')
    notes.push('Claude Code asks to approve the servers of a project’s .mcp.json before it starts them');
  if (client === 'codex' && scope === 'project')
    notes.push('Codex reads .codex/config.toml only in projects you trust');
  if (client === 'vscode' && scope === 'user')
    notes.push('VS Code profiles other than the default keep their own mcp.json (MCP: Open User Configuration)');
  if (!dryRun) notes.push('restart the client (or reload its MCP servers) to start ELF’s server');
  return notes;
}

function headline(action: InstallAction, dryRun: boolean, where: string): string {
  if (action === 'unchanged') return `already installed: ${where}`;
  const verb = action === 'added' ? (dryRun ? 'would add' : 'added') : dryRun ? 'would update' : 'updated';
  return `${verb} ELF’s MCP server ${action === 'added' ? 'to' : 'in'} ${where}`;
}

/** `elf mcp install --client X [--scope user|project] [--dry-run]`. */
export function registerMcpInstallCommand(mcp: Command, cli: CliContext): void {
  mcp
    .command('install')
    .description('add ELF’s MCP server (`elf mcp`) to a client’s configuration; other servers and settings stay')
    .addOption(clientOption())
    .addOption(scopeOption())
    .addOption(dryRunOption())
    .action(
      handler<McpEditOptions>(cli, async (opts, globals) => {
        const { editClientConfig, thisElf, commandLine } = await import('./mcp-edit.js');
        const { elfServerCommand } = await import('./mcp-entry.js');
        const { planInstall } = await import('./mcp-plan.js');
        const elf = thisElf();
        const db = globals.db ? resolveDatabasePath(globals, cli.io) : undefined;
        const server = elfServerCommand(elf.node, elf.bin, db);
        const outcome = await editClientConfig(cli.io, opts, (target, text) =>
          planInstall(target.spec.format, text, server, elf.bin),
        );
        const { target, plan, changed, backup, diff } = outcome;
        const dryRun = Boolean(opts.dryRun);
        const notes = installNotes(target.client, target.scope, dryRun);
        const report = {
          client: target.client,
          scope: target.scope,
          file: target.file,
          dryRun,
          changed,
          action: plan.action,
          backup,
          server,
          diff: diff || null,
          notes,
        };
        const where = `${target.file} (${target.spec.title}, ${target.scope} scope)`;
        emit(cli.io, globals, report, () =>
          [
            headline(plan.action, dryRun, where),
            dryRun && diff ? diff : '',
            backup ? `previous file kept in ${backup}` : '',
            `server: ${commandLine(server)}`,
            ...notes,
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );
}
