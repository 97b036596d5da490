import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bundlers,
  changesetProblems,
  changesetReleases,
  danglingMapProblems,
  declarationProblems,
  manifestProblems,
  nodeRange,
  packedFiles,
  readmeLinkProblems,
  tarballProblems,
  typeProblems,
  undeclaredImportProblems,
} from '../src/check-packages.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const good = {
  name: '@elf/x',
  description: 'x',
  license: 'MIT',
  engines: { node: nodeRange },
  publishConfig: { access: 'public' },
  files: ['dist', 'README.md'],
  bin: { x: './dist/bin.js' },
};
const files: Record<string, string> = { 'README.md': '# x\n', './dist/bin.js': '#!/usr/bin/env node\nawait 0;\n' };
const read =
  (extra: Record<string, string | null> = {}) =>
  (path: string) =>
    path in extra ? (extra[path] ?? null) : (files[path] ?? null);

describe('package checks', () => {
  it('passes a manifest users can install, and names each thing a user would hit', () => {
    expect(manifestProblems(good, read())).toEqual([]);
    expect(
      manifestProblems(
        { ...good, engines: undefined, publishConfig: undefined, license: undefined, files: ['dist'] },
        read({ './dist/bin.js': 'import "./cli.js";\n' }),
      ),
    ).toEqual([
      'engines.node: must be ">=20.19" (got undefined)',
      'publishConfig.access: must be "public" (a scoped package is private by default)',
      'license: missing',
      'files: must list README.md',
      'bin.x: ./dist/bin.js must start with #!/usr/bin/env node',
    ]);
    expect(
      manifestProblems({ ...good, dependencies: { '@elf/core': '^0.1.0', 'better-sqlite3': '^12.6.2' } }, read()),
    ).toEqual(['dependencies.@elf/core: bundled into the bins, so a devDependency (users would install it twice)']);
    // A library (no bins) depends on the packages it imports.
    const { bin: _bin, ...library } = good;
    expect(manifestProblems({ ...library, dependencies: { '@elf/core': '^0.1.0' } }, read())).toEqual([]);
    expect(manifestProblems(good, read({ 'README.md': null, './dist/bin.js': null }))).toEqual([
      'README.md: missing (it is the npm page)',
      'bin.x: ./dist/bin.js is missing (build first)',
    ]);
  });

  it('runs @arethetypeswrong/cli: matching types pass, CommonJS types over an ES module fail', () => {
    const make = (matching: boolean) => {
      const dir = mkdtempSync(join(tmpdir(), 'elf-attw-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'index.js'), 'export const x = 1;\n');
      const types = matching ? 'index.d.ts' : 'index.d.cts';
      writeFileSync(join(dir, 'dist', types), 'export declare const x: number;\n');
      const manifest = {
        name: 'attw-probe',
        version: '1.0.0',
        type: 'module',
        exports: { '.': { types: `./dist/${types}`, import: './dist/index.js' } },
        files: ['dist'],
      };
      writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
      return dir;
    };
    expect(typeProblems(make(true))).toBeNull();
    expect(typeProblems(make(false))).toMatch(/^types: @arethetypeswrong\/cli found problems/);
  }, 60_000);

  it('packs what files names, without source maps, and flags maps or sources that slip in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elf-pack-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.js'), 'export const x = 1;\n//# sourceMappingURL=index.js.map\n');
    writeFileSync(join(dir, 'dist', 'index.js.map'), '{"version":3,"sources":[],"mappings":""}');
    writeFileSync(join(dir, 'README.md'), '# probe\n');
    const manifest = { name: 'pack-probe', version: '1.0.0', files: ['dist', '!dist/**/*.map', 'README.md'] };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
    const packed = packedFiles(dir);
    expect(packed.files.sort()).toEqual(['README.md', 'dist/index.js', 'package.json']);
    expect(packed.size).toBeGreaterThan(0);
    expect(tarballProblems(packed.files)).toEqual([]);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, files: ['dist', 'README.md'] }));
    expect(tarballProblems(packedFiles(dir).files)).toEqual([
      'files: the tarball would ship 1 file(s) users never load (dist/index.js.map); exclude them in "files"',
    ]);
    expect(tarballProblems(['src/index.ts', 'test/a.test.ts', 'dist/index.js'])).toHaveLength(1);
    // The map is excluded, but the script still names it: a source-map loader would warn.
    const text = (path: string) => (path.startsWith('dist/') ? readFileSync(join(dir, path), 'utf8') : null);
    expect(danglingMapProblems(packed.files, text)).toEqual([
      'files: 1 script(s) point at a source map the tarball lacks (dist/index.js)',
    ]);
    expect(danglingMapProblems(['dist/index.js', 'dist/index.js.map'], text)).toEqual([]);
    expect(
      danglingMapProblems(['dist/a.js'], () => 'x;\n//# sourceMappingURL=data:application/json;base64,e30=\n'),
    ).toEqual([]);
  }, 60_000);

  it('a changeset releasing a package an app bundles must release the app too', () => {
    const packages = [
      { pkg: { name: '@elf/core' } },
      { pkg: { name: '@elf/context', dependencies: { '@elf/core': 'workspace:^' } } },
      {
        pkg: {
          name: '@elf/cli',
          bin: { elf: './dist/bin.js' },
          devDependencies: { '@elf/core': 'workspace:^', vitest: '4' },
        },
      },
      {
        pkg: {
          name: '@elf/server',
          bin: { 'elf-server': './dist/bin.js' },
          devDependencies: { '@elf/context': 'workspace:^' },
        },
      },
    ];
    const bundled = bundlers(packages);
    expect([...bundled]).toEqual([
      ['@elf/core', ['@elf/cli']],
      ['@elf/context', ['@elf/server']],
    ]);
    const text = (lines: string[]) => `---\n${lines.join('\n')}\n---\n\nA change.\n`;
    expect([...changesetReleases(text(['"@elf/core": minor', "'@elf/cli': patch", '@elf/server: none']))]).toEqual([
      ['@elf/core', 'minor'],
      ['@elf/cli', 'patch'],
      ['@elf/server', 'none'],
    ]);
    expect(changesetProblems('a.md', text(['"@elf/core": minor', '"@elf/cli": patch']), bundled)).toEqual([]);
    expect(changesetProblems('b.md', text(['"@elf/core": patch', '"@elf/context": patch']), bundled)).toEqual([
      'b.md: releases @elf/core, which @elf/cli bundles; add "@elf/cli": patch (or more)',
      'b.md: releases @elf/context, which @elf/server bundles; add "@elf/server": patch (or more)',
    ]);
    // `none` releases nothing, so nothing needs to follow it; an app at `none` is not released.
    expect(changesetProblems('c.md', text(['"@elf/core": none']), bundled)).toEqual([]);
    expect(changesetProblems('d.md', text(['"@elf/core": patch', '"@elf/cli": none']), bundled)).toEqual([
      'd.md: releases @elf/core, which @elf/cli bundles; add "@elf/cli": patch (or more)',
    ]);
  });

  it("compiles the libraries' declaration files as a strict consumer: a JSON value inlined as a var fails", () => {
    const library = (name: string, dts: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'elf-dts-lib-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'index.js'), 'export const x = 1;\n');
      writeFileSync(join(dir, 'dist', 'index.d.ts'), dts);
      const pkg = {
        name,
        type: 'module',
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      };
      writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
      return { dir, pkg };
    };
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const sound = library('@probe/sound', 'export declare const x: number;\n');
    expect(declarationProblems(root, [sound])).toBeNull();
    // What rollup-plugin-dts once emitted for a type derived from an imported JSON file.
    const broken = library('@probe/broken', 'var headings = { a: "x" };\nexport type Key = keyof typeof headings;\n');
    expect(declarationProblems(root, [sound, broken])).toMatch(/Initializers are not allowed in ambient contexts/);
  }, 60_000);

  it('flags README links that lead nowhere on the npm page', () => {
    const readme = [
      'See [the API](#api), [npm](https://www.npmjs.com/package/@elf/core), [the licence](./LICENSE)',
      'and [lifecycle](../../docs/lifecycle.md) or [a shot](docs/shot.png) or [code](dist/index.js#L3),',
      'and [titled](docs/guide.md "The guide").',
    ].join('\n');
    const files = ['README.md', 'LICENSE', 'dist/index.js', 'package.json'];
    expect(readmeLinkProblems(readme, files, false)).toEqual([
      'README.md: 3 link(s) lead nowhere on the npm page (../../docs/lifecycle.md, docs/shot.png, docs/guide.md)',
    ]);
    // With a repository field, npm resolves relative links against it.
    expect(readmeLinkProblems(readme, files, true)).toEqual([]);
  });

  it('flags what a library imports without declaring it', () => {
    const files = ['dist/index.js', 'dist/index.d.ts', 'package.json'];
    const text: Record<string, string> = {
      'dist/index.js':
        "import { sql } from 'kysely';\nimport { readFileSync } from 'node:fs';\nimport { join } from 'path';\nimport './side.js';\nconst t = await import('gpt-tokenizer/encoding/o200k_base');\nconst q = 'select x from \"t\"';\n",
      'dist/index.d.ts':
        "import { Kysely } from 'kysely';\nimport type { Database } from '@elf/schema';\nexport declare const x: number;\n",
    };
    const read = (path: string) => text[path] ?? null;
    const pkg = { name: '@elf/x', dependencies: { kysely: '~0.28.19' } };
    expect(undeclaredImportProblems(pkg, files, read)).toEqual([
      'dependencies: the shipped code imports gpt-tokenizer, @elf/schema, which users would not get',
    ]);
    const complete = {
      ...pkg,
      dependencies: { ...pkg.dependencies, '@elf/schema': '^0.1.0' },
      peerDependencies: { 'gpt-tokenizer': '^4' },
    };
    expect(undeclaredImportProblems(complete, files, read)).toEqual([]);
  });
});
