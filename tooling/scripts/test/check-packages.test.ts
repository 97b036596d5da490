import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manifestProblems, nodeRange, typeProblems } from '../src/check-packages.mjs';

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
});
