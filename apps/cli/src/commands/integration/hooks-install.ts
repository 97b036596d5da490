import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { type EditOptions, editScopeSettings, scopeOption } from './hooks-settings.js';

/** What to tell the agent in CLAUDE.md so it writes markers and asks ELF. */
export const claudeMdSnippet = `## Memory (ELF)
ELF remembers across sessions: context arrives at session start and with prompts.
- When you learn something worth keeping, write it on its own line:
  \`[LEARNED:domain] what you learned\` — phrased with always / never / should / must / avoid /
  prefer it becomes a rule of thumb (a heuristic); otherwise an observation.
- Before changing an area, ask: \`elf query --domain <domain>\` or \`elf query --search "<words>"\`.
- Record on purpose: \`elf record failure --title … --domain …\`,
  \`elf record heuristic --domain … --rule "…"\`.`;

/** `elf hooks install [--scope] [--dry-run]`: ELF's hook on every event it handles. */
export function registerHooksInstallCommand(hooks: Command, cli: CliContext): void {
  hooks
    .command('install')
    .description('add ELF’s hook to every event it handles; keeps your other settings and hooks as they are')
    .addOption(scopeOption())
    .option('--dry-run', 'show what would change, write nothing')
    .option('--no-snapshot', 'start hooks the plain way, without a start-up snapshot')
    .action(
      handler<EditOptions & { snapshot: boolean }>(cli, async (opts, globals) => {
        const { installElfHooks } = await import('@elf/hooks');
        const snapshot = opts.snapshot ? await installSnapshot(cli, Boolean(opts.dryRun)) : { blob: undefined };
        const { file, command, edit, backup } = await editScopeSettings(
          cli,
          opts,
          (settings, command) => installElfHooks(settings, command),
          // Hooks never create the database: make sure it exists now.
          () => withElf(cli.io, globals, async () => undefined),
          snapshot.blob,
        );
        const report = {
          file,
          scope: opts.scope,
          dryRun: Boolean(opts.dryRun),
          changed: edit.changed,
          command,
          events: edit.events,
          removed: edit.removed,
          backup,
          snapshot: snapshot.blob ?? null,
          ...(snapshot.note ? { snapshotNote: snapshot.note } : {}),
          claudeMd: claudeMdSnippet,
        };
        emit(cli.io, globals, report, () =>
          [
            `${!edit.changed ? 'already installed:' : opts.dryRun ? 'would update' : 'updated'} ${file}`,
            ...Object.entries(edit.events).map(([event, state]) => `  ${event.padEnd(20)} ${state}`),
            ...edit.removed.map((event) => `  ${event.padEnd(20)} removed (no longer handled)`),
            backup ? `previous settings kept in ${backup}` : '',
            `command: ${command}`,
            snapshot.note ?? '',
            opts.dryRun ? '' : 'Restart Claude Code (or open /hooks) to load the hooks.',
            '',
            'Add this to your CLAUDE.md so the agent knows how to use ELF:',
            '',
            claudeMdSnippet,
          ]
            .filter((line, i, all) => line !== '' || all[i - 1] !== '')
            .join('\n'),
        );
      }),
    );
}

/**
 * The start-up snapshot the hooks will start from: built now (about a second), or on a dry run
 * only named. Where none can be built (Windows, or node refuses), hooks start the plain way.
 */
async function installSnapshot(cli: CliContext, dryRun: boolean): Promise<{ blob?: string; note?: string }> {
  const { buildHookSnapshot, defaultSnapshotPath, snapshotSupported } = await import('./hook-snapshot.js');
  if (!snapshotSupported) return { note: 'hooks start the plain way: start-up snapshots need a POSIX shell' };
  const blob = defaultSnapshotPath(cli.io.env);
  if (dryRun) return { blob, note: `would build the hook start-up snapshot ${blob}` };
  try {
    const build = buildHookSnapshot(blob);
    return {
      blob,
      note: build.built ? `hook start-up snapshot: ${blob}` : `hook start-up snapshot ${blob} (being built)`,
    };
  } catch (error) {
    return { note: `hooks start the plain way: ${(error as Error).message}` };
  }
}
