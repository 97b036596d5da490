#!/usr/bin/env node
// `changeset version` moves package.json versions only; the Claude Code plugin manifest that
// @elf/cli ships (.claude-plugin/plugin.json) states the same version. `pnpm version-packages`
// runs this right after it, and so does the release rehearsal after its snapshot versioning.
//   node tooling/scripts/src/sync-plugin-version.mjs [workspace root]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Writes @elf/cli's version into its plugin manifest, keeping every other byte's meaning.
 * @returns {{ version: string, changed: boolean }}
 */
export function syncPluginVersion(root) {
  const cli = join(root, 'apps', 'cli');
  const { version } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));
  const path = join(cli, '.claude-plugin', 'plugin.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  if (manifest.version === version) return { version, changed: false };
  writeFileSync(path, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  return { version, changed: true };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL('../../../', import.meta.url)));
  const { version, changed } = syncPluginVersion(root);
  process.stdout.write(`apps/cli/.claude-plugin/plugin.json: ${changed ? 'now' : 'already'} ${version}\n`);
}
