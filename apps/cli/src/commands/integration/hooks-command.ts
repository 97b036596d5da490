import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { elfHookCommand, elfHookStatus, installElfHooks, shellWords, uninstallElfHooks } from '@elf/hooks';
import { type Command, Option } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

type Scope = 'user' | 'project' | 'local';
const scopes: Scope[] = ['user', 'project', 'local'];

/** What to tell the agent in CLAUDE.md so it writes markers and asks ELF. */
export const claudeMdSnippet = `## Memory (ELF)
ELF remembers across sessions: context arrives at session start and with prompts.
- When you learn something worth keeping, write it on its own line:
  \`[LEARNED:domain] what you learned\` — phrased with always / never / should / must / avoid /
  prefer it becomes a rule of thumb (a heuristic); otherwise an observation.
- Before changing an area, ask: \`elf query --domain <domain>\` or \`elf query --search "<words>"\`.
- Record on purpose: \`elf record failure --title … --domain …\`,
  \`elf record heuristic --domain … --rule "…"\`.`;

/** The scope's settings file; a symlink (dotfiles) is followed, so the link survives the write. */
async function settingsFile(cli: CliContext, scope: Scope): Promise<string> {
  let file: string;
  if (scope === 'user') file = join(cli.io.homedir, '.claude', 'settings.json');
  else {
    const { resolveCheckoutRoot } = await import('@elf/core');
    file = join(
      resolveCheckoutRoot(cli.io.cwd),
      '.claude',
      scope === 'project' ? 'settings.json' : 'settings.local.json',
    );
  }
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Runs a settings edit, turning a refusal into a one-line error naming the file. */
async function editSettings<T>(file: string, run: () => T): Promise<T> {
  try {
    return run();
  } catch (error) {
    const { ElfError } = await import('@elf/core');
    throw new ElfError('INVALID_INPUT', `scope: ${file}: ${(error as Error).message}; nothing changed`, {
      field: 'scope',
    });
  }
}

async function readSettings(file: string): Promise<{ settings: Record<string, unknown>; text: string | null }> {
  if (!existsSync(file)) return { settings: {}, text: null };
  const { ElfError } = await import('@elf/core');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ElfError('INVALID_INPUT', `scope: cannot read ${file}: ${(error as Error).message}`, { field: 'scope' });
  }
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new ElfError(
      'INVALID_INPUT',
      `scope: ${file} is not valid JSON (${(error as Error).message}); nothing changed`,
      {
        field: 'scope',
      },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ElfError('INVALID_INPUT', `scope: ${file} does not hold a settings object; nothing changed`, {
      field: 'scope',
    });
  }
  return { settings: parsed as Record<string, unknown>, text };
}

const stamp = (date: Date) => date.toISOString().replace(/[-:.]/g, '').slice(0, 18);

/** A backup name not taken yet (two edits in the same millisecond get -1, -2, …). */
function backupName(file: string, now: Date): string {
  const base = `${file}.elf-backup-${stamp(now)}`;
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}-${i}`;
    if (!existsSync(name)) return name;
  }
}

/** Keeps the previous file as `<file>.elf-backup-<time>`, then replaces it atomically. */
function writeSettings(
  file: string,
  previous: string | null,
  settings: Record<string, unknown>,
  now: Date,
): string | null {
  mkdirSync(dirname(file), { recursive: true });
  let backup: string | null = null;
  const mode = previous === null ? 0o644 : statSync(file).mode & 0o777;
  if (previous !== null) {
    backup = backupName(file, now);
    copyFileSync(file, backup, constants.COPYFILE_EXCL);
    chmodSync(backup, mode);
  }
  const temp = `${file}.elf-${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode });
  renameSync(temp, file);
  return backup;
}

/** node and the CLI's launcher as absolute, resolved paths (the bundle runs as dist/bin.js's child module). */
function commandPaths(): { node: string; bin: string } {
  const bin = process.argv[1] ? realpathSync(process.argv[1]) : '';
  return { node: process.execPath, bin };
}

/** `elf hooks install | uninstall | status`: ELF's handlers in Claude Code's settings. */
export function registerHooksCommand(program: Command, cli: CliContext): void {
  const hooks = program.command('hooks').description('install, remove or inspect ELF’s Claude Code hooks');
  const scopeOption = () =>
    new Option(
      '--scope <scope>',
      'user (~/.claude), project (.claude/settings.json) or local (.claude/settings.local.json)',
    )
      .choices(scopes)
      .default('user');

  hooks
    .command('install')
    .description('add ELF’s hook to every event it handles; keeps your other settings and hooks as they are')
    .addOption(scopeOption())
    .option('--dry-run', 'show what would change, write nothing')
    .action(
      handler<{ scope: Scope; dryRun?: boolean }>(cli, async (opts, globals) => {
        const file = await settingsFile(cli, opts.scope);
        const { settings, text } = await readSettings(file);
        const { node, bin } = commandPaths();
        const command = elfHookCommand(node, bin);
        const edit = await editSettings(file, () => installElfHooks(settings, command));
        let backup: string | null = null;
        if (!opts.dryRun) {
          // Hooks never create the database: make sure it exists now.
          await withElf(cli.io, globals, async () => undefined);
          if (edit.changed) backup = writeSettings(file, text, edit.settings, new Date());
        }
        const report = {
          file,
          scope: opts.scope,
          dryRun: Boolean(opts.dryRun),
          changed: edit.changed,
          command,
          events: edit.events,
          removed: edit.removed,
          backup,
          claudeMd: claudeMdSnippet,
        };
        emit(cli.io, globals, report, () =>
          [
            `${!edit.changed ? 'already installed:' : opts.dryRun ? 'would update' : 'updated'} ${file}`,
            ...Object.entries(edit.events).map(([event, state]) => `  ${event.padEnd(20)} ${state}`),
            ...edit.removed.map((event) => `  ${event.padEnd(20)} removed (no longer handled)`),
            backup ? `previous settings kept in ${backup}` : '',
            `command: ${command}`,
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

  hooks
    .command('uninstall')
    .description('remove ELF’s hooks only; everything else stays')
    .addOption(scopeOption())
    .option('--dry-run', 'show what would change, write nothing')
    .action(
      handler<{ scope: Scope; dryRun?: boolean }>(cli, async (opts, globals) => {
        const file = await settingsFile(cli, opts.scope);
        const { settings, text } = await readSettings(file);
        const { node, bin } = commandPaths();
        const edit = await editSettings(file, () => uninstallElfHooks(settings, elfHookCommand(node, bin)));
        const backup = edit.changed && !opts.dryRun ? writeSettings(file, text, edit.settings, new Date()) : null;
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

  hooks
    .command('status')
    .description('which events have ELF’s hook in each settings file, and whether its command resolves')
    .action(
      handler(cli, async (_opts, globals) => {
        const report: Array<{
          scope: Scope;
          file: string;
          exists: boolean;
          error: string | null;
          installed: Record<string, string>;
          missing: string[];
          commands: Array<{ command: string; resolves: boolean }>;
        }> = [];
        for (const scope of scopes) {
          const file = await settingsFile(cli, scope);
          let status: ReturnType<typeof elfHookStatus> | null = null;
          let error: string | null = null;
          try {
            const { settings, text } = await readSettings(file);
            const { node, bin } = commandPaths();
            if (text !== null) status = elfHookStatus(settings, elfHookCommand(node, bin));
          } catch (e) {
            error = (e as Error).message;
          }
          const commands = [...new Set(Object.values(status?.installed ?? {}))];
          const resolves = commands.map((command) => {
            const [node, bin] = shellWords(command);
            const plugin = command.includes('${CLAUDE_PLUGIN_ROOT}');
            return {
              command,
              resolves: plugin || Boolean(node && bin && existsSync(bin) && (node === 'node' || existsSync(node))),
            };
          });
          report.push({
            scope,
            file,
            exists: existsSync(file),
            error,
            installed: status?.installed ?? {},
            missing: status?.missing ?? [],
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
                ...r.commands.map((c) => `  command ${c.resolves ? 'resolves' : 'DOES NOT RESOLVE'}: ${c.command}`),
              ]
                .filter(Boolean)
                .join('\n'),
            )
            .join('\n'),
        );
      }),
    );
}
