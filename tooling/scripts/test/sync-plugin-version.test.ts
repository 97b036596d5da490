import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncPluginVersion } from '../src/sync-plugin-version.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('plugin manifest version', () => {
  it("follows @elf/cli's package version after changeset version, other fields kept", () => {
    const root = mkdtempSync(join(tmpdir(), 'elf-plugin-'));
    dirs.push(root);
    mkdirSync(join(root, 'apps', 'cli', '.claude-plugin'), { recursive: true });
    writeFileSync(join(root, 'apps', 'cli', 'package.json'), JSON.stringify({ name: '@elf/cli', version: '0.2.0' }));
    const manifest = join(root, 'apps', 'cli', '.claude-plugin', 'plugin.json');
    writeFileSync(
      manifest,
      JSON.stringify({ name: 'elf', version: '0.1.0', description: 'd', license: 'MIT' }, null, 2),
    );
    expect(syncPluginVersion(root)).toEqual({ version: '0.2.0', changed: true });
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toEqual({
      name: 'elf',
      version: '0.2.0',
      description: 'd',
      license: 'MIT',
    });
    const written = readFileSync(manifest, 'utf8');
    expect(syncPluginVersion(root)).toEqual({ version: '0.2.0', changed: false });
    expect(readFileSync(manifest, 'utf8')).toBe(written);
  });
});
