// Plain JavaScript on purpose: tsup loads this file from package tsup configs without compiling it.

/**
 * Preset for a publishable library: ESM only, declaration files, one entry per public module.
 * Dependencies stay external so consumers dedupe them.
 * @param {Partial<import('tsup').Options>} overrides
 * @returns {import('tsup').Options}
 */
export function libraryPreset(overrides = {}) {
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: true,
    // No source maps: tsup would leave a sourceMappingURL comment pointing at a file the tarball
    // does not ship (bundlers' source-map loaders warn on it). `tsup --sourcemap` makes them locally.
    sourcemap: false,
    clean: true,
    treeshake: true,
    splitting: false,
    ...overrides,
  };
}

/**
 * Preset for an app's bundle: everything pure-JS in one CommonJS file, so a cold start reads one
 * file and its compiled form can come from V8's code cache (see apps/cli/src/boot). Native addons
 * and other listed packages stay external and are required at run time.
 * @param {{ external?: string[] } & Partial<import('tsup').Options>} options
 * @returns {import('tsup').Options}
 */
export function appBundlePreset({ external = [], ...overrides } = {}) {
  const escaped = external.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // tsup's noExternal wins over external, so the external packages are excluded from the pattern itself.
  const bundleAllBut = escaped.length > 0 ? new RegExp(`^(?!(?:${escaped.join('|')})(?:/|$)).*`) : /.*/;
  return {
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    target: 'node20',
    platform: 'node',
    dts: false,
    // No source maps in what ships (see libraryPreset); `tsup --sourcemap` for a local debugging build.
    sourcemap: false,
    clean: false,
    splitting: false,
    // esbuild's own tree shaking; tsup's extra rollup pass adds nothing here.
    treeshake: false,
    noExternal: [bundleAllBut],
    external,
    ...overrides,
  };
}

/**
 * Preset for an app's launcher (package.json "bin"): a small ESM file with no dependencies but
 * Node's own modules, which loads the bundle.
 * @param {Partial<import('tsup').Options>} overrides
 * @returns {import('tsup').Options}
 */
export function bootPreset(overrides = {}) {
  return {
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    ...overrides,
  };
}
