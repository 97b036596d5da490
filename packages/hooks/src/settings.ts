/** Budgets and thresholds of the learning loop's injections. */
export interface HookSettings {
  /** Token budget of the context given at session start. */
  sessionStartTokens: number;
  /** Token budget of what a prompt adds. */
  promptTokens: number;
  /** Token budget of the knowledge given with a subagent's task. */
  taskTokens: number;
  /** Token budget of what ELF knows about a tool's error, given as the failure comes back. */
  failureTokens: number;
  /** A prompt gets context only from items at least this relevant (0..1). */
  promptMinScore: number;
}

export const defaultHookSettings: Readonly<HookSettings> = {
  sessionStartTokens: 1500,
  promptTokens: 800,
  taskTokens: 600,
  failureTokens: 400,
  promptMinScore: 0.2,
};

const bounds: Record<keyof HookSettings, [number, number]> = {
  sessionStartTokens: [100, 10_000],
  promptTokens: [100, 10_000],
  taskTokens: [100, 10_000],
  failureTokens: [100, 10_000],
  promptMinScore: [0, 1],
};

/** A number within bounds, else the default: a hook never refuses to run over a setting. */
function bounded(value: unknown, key: keyof HookSettings): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
  const [min, max] = bounds[key];
  return Number.isFinite(n) && n >= min && n <= max ? n : defaultHookSettings[key];
}

/** Settings from loosely typed values (flags, query strings, config): anything out of bounds is the default. */
export function hookSettings(values: Partial<Record<keyof HookSettings, unknown>> = {}): HookSettings {
  return {
    sessionStartTokens: bounded(values.sessionStartTokens, 'sessionStartTokens'),
    promptTokens: bounded(values.promptTokens, 'promptTokens'),
    taskTokens: bounded(values.taskTokens, 'taskTokens'),
    failureTokens: bounded(values.failureTokens, 'failureTokens'),
    promptMinScore: bounded(values.promptMinScore, 'promptMinScore'),
  };
}
