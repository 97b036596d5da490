export declare function vitestPreset(
  name: string,
  overrides?: Record<string, unknown>,
): { test: Record<string, unknown> };
