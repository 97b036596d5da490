import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hook, payload, setup } from './support/hook-project.js';

// What a cold hook process loads is paid on every agent event (issue 12). These guards name the
// modules a hook must never pull in again, read from the real process's module list.

/** Runs one hook event with a preload that writes the process's module list at exit. */
function loaded(event: string): { modules: string[]; files: string[] } {
  const p = setup();
  const list = join(p.dir, 'modules.json');
  const preload = join(p.dir, 'list-modules.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify({ modules: process.moduleLoadList, files: Object.keys(require.cache) })));`,
  );
  const result = hook({ ...p, env: { ...p.env, NODE_OPTIONS: `--require ${preload}` } }, payload(p, event));
  expect(result.code).toBe(0);
  return JSON.parse(readFileSync(list, 'utf8')) as { modules: string[]; files: string[] };
}
const modulesLoaded = (event: string) => loaded(event).modules;

describe('a cold hook process', () => {
  it.each(['user-prompt-submit.json', 'session-start.json'])(
    'builds a context (%s) without loading perf_hooks (its first touch costs about 1.3 ms)',
    (event) => {
      const loaded = modulesLoaded(event);
      expect(loaded).toContain('NativeModule fs');
      expect(loaded.filter((m) => /^NativeModule (perf_hooks|internal\/perf\/performance)$/.test(m))).toEqual([]);
    },
  );

  it('reads better-sqlite3 from the bundle: only its compiled addon comes from the package', () => {
    const { files } = loaded('post-tool-use-read.json');
    const fromPackage = files.filter((file) => file.includes('better-sqlite3'));
    expect(fromPackage).toHaveLength(1);
    expect(fromPackage[0]).toMatch(/better_sqlite3\.node$/);
  });
});
