import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { allowedDependencies, checkLayers } from '../src/check-layers.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Files = Record<string, string>;

/** A miniature workspace: schema, core, context, profiling and two apps, plus extra files. */
function workspace(extra: Files = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'elf-layers-'));
  dirs.push(root);
  const pkg = (dir: string, name: string, deps: Record<string, string> = {}) =>
    [`${dir}/package.json`, JSON.stringify({ name, dependencies: deps })] as const;
  const files: Files = Object.fromEntries([
    pkg('packages/schema', '@elf/schema', { 'better-sqlite3': '^12' }),
    pkg('packages/core', '@elf/core', { '@elf/schema': 'workspace:^' }),
    pkg('packages/context', '@elf/context', { '@elf/core': 'workspace:^' }),
    pkg('packages/profiling', '@elf/profiling', { '@elf/context': 'workspace:^' }),
    pkg('apps/cli', '@elf/cli', { '@elf/core': 'workspace:^', 'better-sqlite3': '^12' }),
    pkg('apps/server', '@elf/server'),
    ['packages/schema/src/open.ts', "import Database from 'better-sqlite3';\n"],
    ['packages/core/src/index.ts', "import { openDatabase } from '@elf/schema';\n"],
    ['packages/context/src/index.ts', "import { Elf } from '@elf/core';\nexport * from './x.js';\n"],
    ['packages/profiling/src/index.ts', "const c = await import('@elf/context');\n"],
    ['apps/cli/src/cli.ts', "import { Elf } from '@elf/core';\nimport type { Database } from '@elf/schema';\n"],
    ...Object.entries(extra),
  ]);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('layer check', () => {
  it('passes a workspace that follows the rules', () => {
    expect(checkLayers(workspace())).toEqual([]);
  });

  it('passes this repository', () => {
    const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    expect(checkLayers(repo)).toEqual([]);
  });

  it.each([
    [
      'a package importing an app',
      { 'packages/core/src/bad.ts': "import { run } from '@elf/cli';\n" },
      'packages never import apps',
    ],
    [
      'a lower layer importing a higher one',
      { 'packages/core/src/bad.ts': "import { buildContext } from '@elf/context';\n" },
      'may not depend on @elf/context',
    ],
    [
      'a dynamic import upwards',
      { 'packages/schema/src/bad.ts': "await import('@elf/core');\n" },
      'may not depend on @elf/core',
    ],
    [
      'a re-export upwards',
      { 'packages/core/test/bad.test.ts': "export { x } from '@elf/profiling';\n" },
      'may not depend on @elf/profiling',
    ],
    [
      'better-sqlite3 outside schema',
      { 'packages/core/src/raw.ts': "import Database from 'better-sqlite3';\n" },
      'only @elf/schema may import better-sqlite3',
    ],
    [
      'better-sqlite3 in an app',
      { 'apps/cli/src/raw.ts': "const D = require('better-sqlite3');\n" },
      'only @elf/schema may import better-sqlite3',
    ],
    [
      'an app importing another app',
      { 'apps/server/src/index.ts': "import { x } from '@elf/cli';\n" },
      'apps never import each other',
    ],
    [
      'reaching into src',
      { 'apps/cli/src/deep.ts': "import { x } from '@elf/core/src/elf.js';\n" },
      'through its exports map',
    ],
    [
      'a relative path into another package',
      { 'apps/cli/src/rel.ts': "import { x } from '../../../packages/core/src/elf.js';\n" },
      'not a relative path',
    ],
    [
      'a declared dependency upwards',
      { 'packages/core/package.json': JSON.stringify({ name: '@elf/core', dependencies: { '@elf/context': '*' } }) },
      'may not depend on @elf/context',
    ],
    [
      'a package printing',
      { 'packages/core/src/noisy.ts': "export function f() {\n  console.log('hi');\n}\n" },
      'packages/core/src/noisy.ts:2: packages never use console',
    ],
    [
      'a package reading the environment',
      { 'packages/context/src/env.ts': 'export const home = process.env.HOME;\n' },
      'packages/context/src/env.ts:1: packages never use process.env',
    ],
    [
      'a package reading the environment by index',
      { 'packages/context/src/env.ts': "export const home = process['env'].HOME;\n" },
      'never use process.env',
    ],
    ['a package exiting', { 'packages/schema/src/bye.ts': 'if (broken) process.exit(1);\n' }, 'never use process.exit'],
    [
      'a package writing to stdout',
      { 'packages/core/src/out.ts': "process.stdout.write('x');\n" },
      'never use process.stdout',
    ],
    [
      'a package writing to stderr',
      { 'packages/profiling/src/err.ts': "process.stderr.write('x');\n" },
      'never use process.stderr',
    ],
    [
      'a package below @elf/hooks importing it',
      {
        'packages/hooks/package.json': JSON.stringify({ name: '@elf/hooks' }),
        'packages/context/src/hooks.ts': "import { run } from '@elf/hooks';\n",
      },
      'may not depend on @elf/hooks',
    ],
  ])('fails on %s', (_what, files, message) => {
    const problems: string[] = checkLayers(workspace(files as Files));
    expect(
      problems.some((p) => p.includes(message)),
      problems.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['a test file in a package', { 'packages/core/test/noisy.test.ts': 'console.log(process.env.HOME);\n' }],
    ['a test file beside the source', { 'packages/core/src/noisy.test.ts': 'console.log(process.env.HOME);\n' }],
    [
      'an app',
      { 'apps/cli/src/main.ts': "console.log(process.env.HOME);\nprocess.stdout.write('x');\nprocess.exit(0);\n" },
    ],
    [
      'comments that name what code may not use',
      {
        'packages/core/src/quiet.ts':
          '/**\n * Never reads process.env or calls console.log.\n */\nexport const x = 1; // no process.exit here\n/* process.stderr */\n',
      },
    ],
    [
      'process.execPath and other process fields',
      { 'packages/profiling/src/spawn.ts': 'export const node = process.execPath;\n' },
    ],
  ])('allows %s', (_what, files) => {
    expect(checkLayers(workspace(files as Files))).toEqual([]);
  });

  it('lets a named exception through, and only for its file and rule', () => {
    const root = workspace({
      'packages/profiling/src/child.ts': 'export const env = process.env;\nconsole.log(env);\n',
    });
    const exceptions = [{ file: 'packages/profiling/src/child.ts', rule: 'process.env', why: 'test' }];
    expect(checkLayers(root, { exceptions })).toEqual([
      'packages/profiling/src/child.ts:2: packages never use console (take config and a logger; apps do the I/O)',
    ]);
  });

  it('gives @elf/hooks a layer: schema, core and context below it, and apps may import it', () => {
    expect(allowedDependencies['@elf/hooks']).toEqual(['@elf/schema', '@elf/core', '@elf/context']);
    const root = workspace({
      'packages/hooks/package.json': JSON.stringify({ name: '@elf/hooks', dependencies: { '@elf/context': '*' } }),
      'packages/hooks/src/index.ts': "import { buildContext } from '@elf/context';\nimport { Elf } from '@elf/core';\n",
      'apps/cli/src/hook.ts': "import { run } from '@elf/hooks';\n",
    });
    expect(checkLayers(root)).toEqual([]);
  });
});
