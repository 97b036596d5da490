import { lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ServicePlatform } from './service-platform.js';
import type { ServiceSpec } from './service-spec.js';

// The unit or agent file on disk: read, written whole (a manager never reads half a file), and
// removed with the links enabling it made to it.

export function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function writeServiceFile(platform: ServicePlatform, spec: ServiceSpec, text: string): void {
  for (const folder of platform.folders(spec)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temp = `${platform.file}.elf-${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o644 });
  renameSync(temp, platform.file);
}

/** True when `link` is a symbolic link to `file` (what `systemctl enable` makes). */
function linksTo(link: string, file: string): boolean {
  try {
    return lstatSync(link).isSymbolicLink() && resolve(dirname(link), readlinkSync(link)) === file;
  } catch {
    return false;
  }
}

/** Removes the file and the links to it; other links (someone else's units) stay. */
export function removeServiceFile(platform: ServicePlatform): void {
  for (const link of platform.links) if (linksTo(link, platform.file)) rmSync(link);
  rmSync(platform.file, { force: true });
}
