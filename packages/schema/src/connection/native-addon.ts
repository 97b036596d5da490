import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

let addon: string | object | null | undefined;

/**
 * better-sqlite3's compiled addon, found once per process: its path where a source or prebuilt
 * install puts it, else what the `bindings` package finds from better-sqlite3's own folder.
 * Passing it to every `new Database` skips `bindings`' search through a dozen candidate paths on
 * each cold start, and lets an app bundle better-sqlite3's JavaScript (apps/cli does: its module
 * resolution was ~7 ms of every hook) while the addon stays in the installed package.
 * Null when neither works: better-sqlite3 then searches as it always has.
 */
export function nativeAddon(): string | object | null {
  if (addon !== undefined) return addon;
  try {
    const load = typeof require === 'function' ? require : createRequire(import.meta.url);
    const root = dirname(load.resolve('better-sqlite3/package.json'));
    const built = join(root, 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(built)) addon = built;
    else {
      const bindings = createRequire(join(root, 'package.json'))('bindings') as (options: object) => object;
      addon = bindings({ bindings: 'better_sqlite3.node', module_root: root });
    }
  } catch {
    addon = null;
  }
  return addon;
}

/** `new BetterSqlite3(path, options)` with the addon found above. */
export function openSqlite(path: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const found = nativeAddon();
  return new BetterSqlite3(path, found ? { ...options, nativeBinding: found as string } : options);
}
