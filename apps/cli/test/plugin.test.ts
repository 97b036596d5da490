import { readFileSync } from 'node:fs';
import { pluginHooksJson } from '@elf/hooks';
import { describe, expect, it } from 'vitest';

describe('the plugin', () => {
  it('ships hooks/hooks.json equal to what install writes, and a manifest with the package version', () => {
    const shipped = JSON.parse(readFileSync(new URL('../hooks/hooks.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(pluginHooksJson());
    const manifest = JSON.parse(readFileSync(new URL('../.claude-plugin/plugin.json', import.meta.url), 'utf8'));
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest).toMatchObject({ name: 'elf', version: pkg.version });
    expect(pkg.files).toEqual(expect.arrayContaining(['hooks', '.claude-plugin']));
  });
});
