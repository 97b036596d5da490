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
import { dirname } from 'node:path';

// An agent's configuration file that ELF edits (Claude Code's settings for the hooks, MCP
// clients' server lists): a symlink is followed so the link survives, the previous file is kept
// as `<file>.elf-backup-<time>` with its mode, and the new text goes to a temporary file renamed
// over the old one, so a client never reads half a file. Text, so an edit can keep the user's
// formatting and comments.

/** The file a path names, through symlinks (dotfile managers link these files). */
export function resolveConfigFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** The file's text; null when there is none. Refuses bytes that would not survive a round trip through UTF-8. */
export function readConfigText(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot be read: ${(error as Error).message}`);
  }
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw new Error('is not valid UTF-8');
  return text;
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

/** Keeps the previous file (when there was one) beside it, then replaces it atomically. Returns the backup. */
export function writeConfigText(file: string, existed: boolean, text: string, now: Date): string | null {
  mkdirSync(dirname(file), { recursive: true });
  let backup: string | null = null;
  const mode = existed ? statSync(file).mode & 0o777 : 0o644;
  if (existed) {
    backup = backupName(file, now);
    copyFileSync(file, backup, constants.COPYFILE_EXCL);
    chmodSync(backup, mode);
  }
  const temp = `${file}.elf-${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, file);
  return backup;
}
