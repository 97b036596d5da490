// Plain JavaScript so every package's vitest config can import it without a build step.

/**
 * @param {string} name project name shown in the test output
 * @param {Record<string, unknown>} overrides extra `test` options
 */
export function vitestPreset(name, overrides = {}) {
  return {
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      pool: 'forks',
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  };
}
