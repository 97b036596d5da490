import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { emit } from '../../runtime/output.js';
import { clientOption, dryRunOption, scopeOption } from './mcp-options.js';
import type { McpEditOptions } from './mcp-target.js';

/**
 * `elf mcp uninstall --client X [--scope …] [--dry-run]`: ELF's entry out, everything else kept.
 * An entry named `elf` that does not run `elf mcp` is someone else's: it stays, and uninstall
 * says so and succeeds (there is no ELF server to remove), where install refuses to replace it.
 */
export function registerMcpUninstallCommand(mcp: Command, cli: CliContext): void {
  mcp
    .command('uninstall')
    .description('remove ELF’s MCP server from a client’s configuration; other servers and settings stay')
    .addOption(clientOption())
    .addOption(scopeOption())
    .addOption(dryRunOption())
    .action(
      handler<McpEditOptions>(cli, async (opts, globals) => {
        const { editClientConfig, thisElf } = await import('./mcp-edit.js');
        const { describeEntry, planUninstall } = await import('./mcp-plan.js');
        const { bin } = thisElf();
        const outcome = await editClientConfig(cli.io, opts, (target, text) =>
          planUninstall(target.spec.format, text, bin),
        );
        const { target, plan, changed, backup, diff } = outcome;
        const dryRun = Boolean(opts.dryRun);
        const report = {
          client: target.client,
          scope: target.scope,
          file: target.file,
          dryRun,
          changed,
          action: plan.action,
          backup,
          diff: diff || null,
          ...(plan.action === 'foreign' ? { foreign: plan.existing } : {}),
        };
        const where = `${target.file} (${target.spec.title}, ${target.scope} scope)`;
        const head = {
          removed: `${dryRun ? 'would remove' : 'removed'} ELF’s MCP server from ${where}`,
          absent: `no ELF MCP server in ${where}`,
          foreign: `no ELF MCP server in ${where}: its server "elf" runs ${describeEntry(plan.existing)}, which is not \`elf mcp\`; left as it is`,
        }[plan.action];
        emit(cli.io, globals, report, () =>
          [head, dryRun && diff ? diff : '', backup ? `previous file kept in ${backup}` : '']
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );
}
