// The repository-wide test run (`npm test`): every workspace project in one vitest invocation,
// each configured by its own vitest.config.ts. Lives here to keep the top level of the repo small.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default defineConfig({
  root,
  test: {
    projects: ['packages/*', 'apps/*', 'tooling/scripts'],
  },
});
