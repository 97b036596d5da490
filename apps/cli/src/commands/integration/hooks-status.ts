import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { emit } from '../../runtime/output.js';
import { thisElfHookCommand } from './hooks-settings.js';
import type { ServerProbe } from './server-probe.js';
import { readSettings, type Scope, scopes, settingsFile } from './settings-file.js';

/**
 * `elf hooks status`: for each scope, the events ELF is on, which transport carries them, whether
 * the command resolves and, for http handlers, whether the server answers.
 */
export function registerHooksStatusCommand(hooks: Command, cli: CliContext): void {
  hooks
    .command('status')
    .description(
      'which events have ELF’s hook in each settings file, by command or http, and whether it resolves or answers',
    )
    .action(
      handler(cli, async (_opts, globals) => {
        const { elfHookCommandParts, elfHookStatus } = await import('@elf/hooks');
        const { probeHookServer, probeLine } = await import('./server-probe.js');
        const { defaultTokenFile } = await import('./server-token.js');
        const { snapshotState, thisHookBundle } = await import('../../boot/snapshot-state.js');
        const report: Array<{
          scope: Scope;
          file: string;
          exists: boolean;
          error: string | null;
          installed: Record<string, string>;
          missing: string[];
          /** http when any event goes to elf-server (SessionStart always stays a command). */
          transport: 'command' | 'http' | null;
          servers: ServerProbe[];
          commands: Array<{
            command: string;
            resolves: boolean;
            snapshot: string | null;
            snapshotState: string | null;
          }>;
        }> = [];
        for (const scope of scopes) {
          const file = await settingsFile(cli, scope);
          let status: ReturnType<typeof elfHookStatus> | null = null;
          let error: string | null = null;
          try {
            const { settings, text } = await readSettings(file);
            const command = await thisElfHookCommand();
            if (text !== null) status = elfHookStatus(settings, command);
          } catch (e) {
            error = (e as Error).message;
          }
          const by = (kind: 'command' | 'http') => [
            ...new Set(
              Object.entries(status?.installed ?? {})
                .filter(([event]) => status?.transports[event] === kind)
                .map(([, value]) => value),
            ),
          ];
          const commands = by('command');
          const urls = by('http');
          const servers: ServerProbe[] = [];
          for (const url of urls) {
            // The token goes along only where the handlers send it: to a server that wants it.
            const withToken = (status?.withToken ?? []).some((event) => status?.installed[event] === url);
            servers.push(await probeHookServer(cli.io.env, url, withToken, defaultTokenFile(cli.io)));
          }
          const resolves = commands.map((command) => {
            const { node, bin, snapshot } = elfHookCommandParts(command);
            // biome-ignore lint/suspicious/noTemplateCurlyInString: Claude Code's plugin placeholder, matched as written
            const plugin = command.includes('${CLAUDE_PLUGIN_ROOT}');
            return {
              command,
              resolves: plugin || Boolean(node && bin && existsSync(bin) && (node === 'node' || existsSync(node))),
              snapshot: snapshot ?? null,
              // A stale or missing snapshot costs only speed: the next hook runs plain and rebuilds it.
              snapshotState: snapshot ? snapshotState(snapshot, thisHookBundle()) : null,
            };
          });
          report.push({
            scope,
            file,
            exists: existsSync(file),
            error,
            installed: status?.installed ?? {},
            missing: status?.missing ?? [],
            transport: urls.length > 0 ? 'http' : commands.length > 0 ? 'command' : null,
            servers,
            commands: resolves,
          });
        }
        emit(cli.io, globals, { scopes: report }, () =>
          report
            .map((r) =>
              [
                `${r.scope}: ${r.file}${r.exists ? '' : ' (none)'}`,
                r.error ? `  unreadable: ${r.error}` : '',
                Object.keys(r.installed).length
                  ? `  ELF on: ${Object.keys(r.installed).join(', ')}`
                  : r.exists
                    ? '  ELF not installed'
                    : '',
                Object.keys(r.installed).length && r.missing.length ? `  missing: ${r.missing.join(', ')}` : '',
                r.transport === 'http'
                  ? `  transport: http to ${[...new Set(r.servers.map((p) => p.base))].join(', ')} (SessionStart runs the command)`
                  : r.transport
                    ? '  transport: command'
                    : '',
                ...r.servers.map((p) => `  ${probeLine(p)}`),
                ...r.commands.flatMap((c) => [
                  `  command ${c.resolves ? 'resolves' : 'DOES NOT RESOLVE'}: ${c.command}`,
                  c.snapshot
                    ? `  start-up snapshot ${c.snapshotState}${c.snapshotState === 'current' ? '' : ' (the next hook runs plain and rebuilds it)'}: ${c.snapshot}`
                    : '',
                ]),
              ]
                .filter(Boolean)
                .join('\n'),
            )
            .join('\n'),
        );
      }),
    );
}
