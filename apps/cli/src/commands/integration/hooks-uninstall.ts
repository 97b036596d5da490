import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { emit } from '../../runtime/output.js';
import { type EditOptions, editScopeSettings, scopeOption } from './hooks-settings.js';

/** `elf hooks uninstall [--scope] [--dry-run]`: ELF's hooks out, everything else kept. */
export function registerHooksUninstallCommand(hooks: Command, cli: CliContext): void {
  hooks
    .command('uninstall')
    .description('remove ELF’s hooks only; everything else stays')
    .addOption(scopeOption())
    .option('--dry-run', 'show what would change, write nothing')
    .action(
      handler<EditOptions>(cli, async (opts, globals) => {
        const { uninstallElfHooks } = await import('@elf/hooks');
        const { file, edit, backup } = await editScopeSettings(cli, opts, (settings, command) =>
          uninstallElfHooks(settings, command),
        );
        emit(
          cli.io,
          globals,
          {
            file,
            scope: opts.scope,
            dryRun: Boolean(opts.dryRun),
            changed: edit.changed,
            removed: edit.removed,
            backup,
          },
          () =>
            edit.changed
              ? [
                  `${opts.dryRun ? 'would remove' : 'removed'} ELF from ${edit.removed.join(', ')} in ${file}`,
                  backup ? `previous settings kept in ${backup}` : '',
                ]
                  .filter(Boolean)
                  .join('\n')
              : `no ELF hooks in ${file}`,
        );
      }),
    );
}
