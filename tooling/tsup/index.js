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
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    ...overrides,
  };
}

/**
 * Preset for an executable app that starts once per agent hook: everything pure-JS is bundled
 * so a cold start reads one file instead of resolving hundreds of modules. Native addons stay
 * external. The banner gives bundled CommonJS dependencies a working `require`.
 * @param {{ external?: string[] } & Partial<import('tsup').Options>} options
 * @returns {import('tsup').Options}
 */
export function appPreset({ external = [], ...overrides } = {}) {
  const escaped = external.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // tsup's noExternal wins over external, so the native addons are excluded from the pattern itself.
  const bundleAllBut = escaped.length > 0 ? new RegExp(`^(?!(?:${escaped.join('|')})(?:/|$)).*`) : /.*/;
  return {
    entry: ['src/bin.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: false,
    sourcemap: true,
    clean: true,
    // esbuild's own tree shaking; tsup's rollup pass would also drop the `require` banner below.
    treeshake: false,
    splitting: true,
    minify: false,
    noExternal: [bundleAllBut],
    external,
    banner: {
      js: "import { createRequire as __elfCreateRequire } from 'node:module'; const require = __elfCreateRequire(import.meta.url);",
    },
    ...overrides,
  };
}
