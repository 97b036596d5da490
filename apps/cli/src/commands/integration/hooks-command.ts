import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { registerHooksInstallCommand } from './hooks-install.js';
import { registerHooksSnapshotCommand } from './hooks-snapshot.js';
import { registerHooksStatusCommand } from './hooks-status.js';
import { registerHooksUninstallCommand } from './hooks-uninstall.js';

/** `elf hooks install | uninstall | status | snapshot`: ELF's handlers in Claude Code's settings. */
export function registerHooksCommand(program: Command, cli: CliContext): void {
  const hooks = program.command('hooks').description('install, remove or inspect ELF’s Claude Code hooks');
  registerHooksInstallCommand(hooks, cli);
  registerHooksUninstallCommand(hooks, cli);
  registerHooksStatusCommand(hooks, cli);
  registerHooksSnapshotCommand(hooks, cli);
}
