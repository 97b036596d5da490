import { readFileSync } from 'node:fs';
import { appBundlePreset, bootPreset } from '@elf/tsup-config';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// dist/server.cjs: the whole server in one CommonJS file (hono and the packages inlined; better-sqlite3's
// compiled addon and gpt-tokenizer's tables are loaded from the installed packages);
// dist/bin.js: the small ESM launcher named in package.json "bin"; dist/web: the dashboard (vite).
export default defineConfig([
  appBundlePreset({
    entry: { server: 'src/main.ts' },
    external: ['gpt-tokenizer'],
    define: { __ELF_VERSION__: JSON.stringify(version) },
    // start-server.ts reads import.meta only where `require` is missing (its ESM sources under test).
    esbuildOptions(options: { logOverride?: Record<string, 'silent'> }) {
      options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' };
    },
  }),
  bootPreset({ entry: { bin: 'src/bin.ts' }, external: ['./server.cjs'] }),
]);
