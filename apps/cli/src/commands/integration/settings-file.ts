import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfigFile, writeConfigText } from '../../runtime/config-file.js';
import type { CliContext } from '../../runtime/handler.js';

export type Scope = 'user' | 'project' | 'local';
export const scopes: Scope[] = ['user', 'project', 'local'];

/** The scope's settings file; a symlink (dotfiles) is followed, so the link survives the write. */
export async function settingsFile(cli: CliContext, scope: Scope): Promise<string> {
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
  return resolveConfigFile(file);
}

/** Runs a settings edit, turning a refusal into a one-line error naming the file. */
export async function editSettings<T>(file: string, run: () => T): Promise<T> {
  try {
    return run();
  } catch (error) {
    const { ElfError } = await import('@elf/core');
    throw new ElfError('INVALID_INPUT', `scope: ${file}: ${(error as Error).message}; nothing changed`, {
      field: 'scope',
    });
  }
}

export async function readSettings(file: string): Promise<{ settings: Record<string, unknown>; text: string | null }> {
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

/** Keeps the previous file as `<file>.elf-backup-<time>`, then replaces it atomically. */
export function writeSettings(
  file: string,
  previous: string | null,
  settings: Record<string, unknown>,
  now: Date,
): string | null {
  return writeConfigText(file, previous !== null, `${JSON.stringify(settings, null, 2)}\n`, now);
}
