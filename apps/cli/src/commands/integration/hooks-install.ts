import { type Command, Option } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { type EditOptions, editScopeSettings, scopeOption } from './hooks-settings.js';
import { chooseTransport, type TransportOptions, transports } from './hooks-transport.js';

/** What to tell the agent in CLAUDE.md so it writes markers and asks ELF. */
export const claudeMdSnippet = `## Memory (ELF)
ELF remembers across sessions: context arrives at session start and with prompts.
- When you learn something worth keeping, write it on its own line:
  \`[LEARNED:domain] what you learned\` — phrased with always / never / should / must / avoid /
  prefer it becomes a rule of thumb (a heuristic); otherwise an observation.
- Before changing an area, ask: \`elf query --domain <domain>\` or \`elf query --search "<words>"\`.
- Record on purpose: \`elf record failure --title … --domain …\`,
  \`elf record heuristic --domain … --rule "…"\`.`;

type InstallOptions = EditOptions & TransportOptions & { snapshot: boolean };

/** `elf hooks install [--scope] [--transport command|http] [--url] [--token-file] [--dry-run]`. */
export function registerHooksInstallCommand(hooks: Command, cli: CliContext): void {
  hooks
    .command('install')
    .description('add ELF’s hook to every event it handles; keeps your other settings and hooks as they are')
    .addOption(scopeOption())
    .addOption(
      new Option(
        '--transport <transport>',
        'command: run `elf hook` per event; http: POST events to a running elf-server (SessionStart stays a command)',
      )
        .choices(transports)
        .default('command'),
    )
    .option(
      '--url <url>',
      'elf-server’s hook URL, with --transport http (default http://127.0.0.1:4747/hooks/claude-code)',
    )
    .option(
      '--token-file <file>',
      'with --transport http: the server token to send (default for a non-loopback URL: $ELF_HOME/server-token)',
    )
    .option('--dry-run', 'show what would change, write nothing')
    .option('--no-snapshot', 'start hooks the plain way, without a start-up snapshot')
    .action(
      handler<InstallOptions>(cli, async (opts, globals) => {
        const { installElfHooks, serverTokenEnv } = await import('@elf/hooks');
        // Flags first: a bad one changes nothing, not even the snapshot.
        const transport = await chooseTransport(cli.io, opts);
        const snapshot = opts.snapshot ? await installSnapshot(cli, Boolean(opts.dryRun)) : { blob: undefined };
        const { file, command, edit, backup } = await editScopeSettings(
          cli,
          opts,
          (settings, command) => installElfHooks(settings, command, transport.http),
          // Hooks never create the database: make sure it exists now.
          () => withElf(cli.io, globals, async () => undefined),
          snapshot.blob,
        );
        const http = transport.http;
        const { probeHookServer, probeLine } = await import('./server-probe.js');
        const { defaultTokenFile } = await import('./server-token.js');
        const server = http
          ? await probeHookServer(cli.io.env, http.url, http.token, transport.tokenFile ?? defaultTokenFile(cli.io))
          : null;
        const report = {
          file,
          scope: opts.scope,
          dryRun: Boolean(opts.dryRun),
          changed: edit.changed,
          transport: opts.transport,
          url: http?.url ?? null,
          token: http?.token ? { env: serverTokenEnv, file: transport.tokenFile ?? null } : null,
          command,
          events: edit.events,
          transports: edit.transports,
          removed: edit.removed,
          backup,
          server,
          snapshot: snapshot.blob ?? null,
          ...(snapshot.note ? { snapshotNote: snapshot.note } : {}),
          claudeMd: claudeMdSnippet,
        };
        emit(cli.io, globals, report, () =>
          [
            `${!edit.changed ? 'already installed:' : opts.dryRun ? 'would update' : 'updated'} ${file}`,
            ...Object.entries(edit.events).map(
              ([event, state]) =>
                `  ${event.padEnd(20)} ${http ? `${state.padEnd(10)} ${edit.transports[event]}` : state}`,
            ),
            ...edit.removed.map((event) => `  ${event.padEnd(20)} removed (no longer handled)`),
            backup ? `previous settings kept in ${backup}` : '',
            http ? `url: ${http.url} (SessionStart keeps the command: Claude Code sends it to no http hook)` : '',
            `command: ${command}`,
            ...transport.notes,
            server ? probeLine(server) : '',
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
