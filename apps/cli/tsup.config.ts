import { readFileSync } from 'node:fs';
import { appPreset } from '@elf/tsup-config';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// better-sqlite3 is a native addon and stays external; everything else (kysely, commander,
// valibot, the @elf packages) is bundled: one file to read on every cold start.
export default defineConfig(
  appPreset({
    external: ['better-sqlite3'],
    define: { __ELF_VERSION__: JSON.stringify(version) },
  }),
);
