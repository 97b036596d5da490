import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { bundleKey } from './snapshot-state.js';

// Loads the CLI bundle through V8's code cache. Every agent hook starts `elf` cold, and compiling
// the bundle (kysely, commander, ELF) is most of what a cold start costs beyond `node -e 0`.
// The cache lives outside the install (which may be read-only), is keyed by Node version and by
// the bundle's size and mtime, and is only ever an optimisation: V8 rejects data that does not
// match its source or flags, and any failure to read, use or write it falls back to a plain load.

export interface LoadedBundle<T> {
  exports: T;
  /** 'hit' = compiled from cache; 'miss' = no cache yet; 'rejected' = stale cache; 'off' = plain require. */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
  /** Writes fresh cache data when the run did not start from a valid cache. Never throws. */
  save(): void;
}

/**
 * `<bundle>-<key>-<variant>.v8cache`: one file per bundle (elf, hook) and per set of V8 flags (the
 * cache embeds them); `name` is what stale caches of this bundle start with.
 */
function cacheFile(bundle: string, cacheDir: string, variant: string): { file: string; name: string; prefix: string } {
  const name = `${basename(bundle, '.cjs')}-`;
  const key = `${process.versions.v8}-${process.arch}-${bundleKey(bundle)}`.replace(/[^\w.-]/g, '_');
  return { file: join(cacheDir, `${name}${key}-${variant}.v8cache`), name, prefix: `${name}${key}-` };
}

function plainLoad<T>(bundle: string): LoadedBundle<T> {
  return { exports: createRequire(bundle)(bundle) as T, cache: 'off', save: () => undefined };
}

export function loadWithCodeCache<T>(bundle: string, cacheDir: string | null, variant = 'default'): LoadedBundle<T> {
  if (!cacheDir) return plainLoad(bundle);
  let file: string;
  let name: string;
  let prefix: string;
  let source: string;
  try {
    ({ file, name, prefix } = cacheFile(bundle, cacheDir, variant));
    source = readFileSync(bundle, 'utf8');
  } catch {
    return plainLoad(bundle);
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  let script: vm.Script;
  try {
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: bundle,
      ...(cachedData ? { cachedData } : {}),
      // import() inside the bundle (external ESM packages such as gpt-tokenizer) resolves from here.
      importModuleDynamically: ((specifier: string) => import(specifier)) as never,
    });
  } catch {
    return plainLoad(bundle);
  }
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const cache = cachedData ? (script.cachedDataRejected ? 'rejected' : 'hit') : 'miss';
  return {
    exports: module.exports,
    cache,
    save() {
      if (cache === 'hit') return;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, file);
        // Caches of earlier bundles or Node versions are dead weight now (other variants of this one are not).
        for (const old of readdirSync(cacheDir)) {
          if (old.startsWith(name) && old.endsWith('.v8cache') && !old.startsWith(prefix))
            unlinkSync(join(cacheDir, old));
        }
      } catch {
        // A cache we cannot write only means the next start compiles again.
      }
    },
  };
}
