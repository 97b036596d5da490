import type { Command } from 'commander';
import { resolveDatabasePath } from '../../runtime/database-path.js';
import type { GlobalOptions } from '../../runtime/globals.js';
import type { CliContext } from '../../runtime/handler.js';
import { runHook } from './run-hook.js';

/**
 * `elf hook` in the command tree (help, and runs through the main bundle). The launcher normally
 * sends `elf hook` straight to the smaller hook bundle (see hook-cli.ts and boot/boot.ts).
 */
export function registerHookCommand(program: Command, cli: CliContext): void {
  program
    .command('hook')
    .description('handle one Claude Code hook event (JSON on stdin); installed by `elf hooks install`')
    .option('--session-start-tokens <n>', 'token budget of the SessionStart context', '1500')
    .option('--prompt-tokens <n>', 'token budget of the context added to a prompt', '800')
    .option('--task-tokens <n>', 'token budget of the knowledge given with a subagent task', '600')
    .option('--failure-tokens <n>', 'token budget of what ELF knows about a failed tool call’s error', '400')
    .option('--prompt-min-score <x>', 'relevance (0..1) an item needs to be added to a prompt', '0.2')
    .action(async (flags: Record<string, unknown>, command: Command) => {
      cli.exitCode = 0;
      const globals = command.optsWithGlobals() as GlobalOptions;
      const { hookSettings } = await import('@elf/hooks');
      await runHook(cli.io, resolveDatabasePath(globals, cli.io), hookSettings(flags));
    });
}
