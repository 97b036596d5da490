import { readFileSync } from 'node:fs';
import { appBundlePreset, bootPreset } from '@elf/tsup-config';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// dist/elf.cjs: the whole CLI in one CommonJS file (loaded through V8's code cache by bin.js);
// dist/hook.cjs: `elf hook` alone, without the command framework (every agent event runs it);
// dist/mcp.cjs: `elf mcp`, the MCP server over stdio (with the MCP SDK, which no other command loads);
// better-sqlite3's JavaScript is bundled too (its compiled addon is loaded from the installed package,
// see @elf/schema's native-addon.ts); only the large, rarely needed gpt-tokenizer stays external.
// dist/bin.js: the small ESM launcher named in package.json "bin".
export default defineConfig([
  appBundlePreset({
    entry: { elf: 'src/main.ts', hook: 'src/hook-main.ts', mcp: 'src/mcp-main.ts' },
    external: ['gpt-tokenizer'],
    define: { __ELF_VERSION__: JSON.stringify(version) },
    minify: true,
    keepNames: true,
  }),
  bootPreset({ entry: { bin: 'src/bin.ts' }, external: ['./elf.cjs', './hook.cjs', './mcp.cjs'] }),
]);
