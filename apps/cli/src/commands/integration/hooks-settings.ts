import { realpathSync } from 'node:fs';
import { Option } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { editSettings, readSettings, type Scope, scopes, settingsFile, writeSettings } from './settings-file.js';

/** The flags of install and uninstall, which edit one scope's settings. */
export interface EditOptions {
  scope: Scope;
  dryRun?: boolean;
}

export const scopeOption = () =>
  new Option(
    '--scope <scope>',
    'user (~/.claude), project (.claude/settings.json) or local (.claude/settings.local.json)',
  )
    .choices(scopes)
    .default('user');

/**
 * ELF's hook command for this installation: node and the CLI's launcher as absolute, resolved
 * paths (the bundle runs as dist/bin.js's child module), started from `snapshot` when given.
 */
export async function thisElfHookCommand(snapshot?: string): Promise<string> {
  // Imported when used: every command (--version and --help too) loads this module.
  const { elfHookCommand } = await import('@elf/hooks');
  const bin = process.argv[1] ? realpathSync(process.argv[1]) : '';
  return elfHookCommand(process.execPath, bin, snapshot);
}

/**
 * What install and uninstall share: read the scope's settings, apply the edit (a refused edit
 * changes nothing), and unless --dry-run run `beforeWrite`, then write a changed file, keeping
 * the previous one.
 */
export async function editScopeSettings<E extends { changed: boolean; settings: Record<string, unknown> }>(
  cli: CliContext,
  opts: EditOptions,
  edit: (settings: Record<string, unknown>, command: string) => E,
  beforeWrite: () => Promise<void> = async () => undefined,
  snapshot?: string,
): Promise<{ file: string; command: string; edit: E; backup: string | null }> {
  const file = await settingsFile(cli, opts.scope);
  const { settings, text } = await readSettings(file);
  const command = await thisElfHookCommand(snapshot);
  const edited = await editSettings(file, () => edit(settings, command));
  let backup: string | null = null;
  if (!opts.dryRun) {
    await beforeWrite();
    if (edited.changed) backup = writeSettings(file, text, edited.settings, new Date());
  }
  return { file, command, edit: edited, backup };
}
