import { type ColdStartReport, measureColdStart } from '../cold-start.js';

// The cold processes `elf bench` times beside `node -e 0`: `elf context`, and one `elf hook`
// process per agent event, as Claude Code runs them (plain, and started from the hook's
// start-up snapshot when the CLI built one).

export interface ColdProcessOptions {
  /** The CLI's entry file (dist/bin.js). */
  bin: string;
  runs?: number;
  env?: NodeJS.ProcessEnv;
  /**
   * A start-up snapshot of the hook (built by the CLI): each hook event is also timed started
   * from it, with these node flags, as installed hooks start.
   */
  snapshot?: { blob: string; flags: readonly string[] };
}

/** Hook events timed cold: the ones on an agent's critical path, with realistic payloads. */
function hookEvents(tasks: readonly string[]): Array<[string, Record<string, unknown>]> {
  return [
    ['SessionStart', { source: 'startup' }],
    ['UserPromptSubmit', { prompt: tasks[1] }],
    [
      'PreToolUse(Task)',
      {
        tool_name: 'Task',
        tool_use_id: 'toolu_bench',
        tool_input: { description: 'Subagent task', prompt: tasks[2], subagent_type: 'general-purpose' },
      },
    ],
    [
      'PostToolUse(Read)',
      {
        tool_name: 'Read',
        tool_use_id: 'toolu_read',
        tool_input: { file_path: 'src/orders/migration.ts' },
        tool_response: { type: 'text' },
      },
    ],
    [
      'PostToolUseFailure',
      {
        tool_name: 'Bash',
        tool_use_id: 'toolu_bash',
        tool_input: { command: 'npm test' },
        error: 'Exit code 1: 3 tests failed',
      },
    ],
  ];
}

/** Times the cold processes against the benchmark database `db`; `dir` is the bench folder. */
export function measureColdProcesses(
  options: ColdProcessOptions & { db: string; dir: string; tasks: readonly string[] },
): ColdStartReport {
  const { bin, snapshot, db, dir, tasks } = options;
  // A session per round and per way of starting: a session is never shown the same item twice.
  const event =
    (name: string, fields: Record<string, unknown>, session = 'bench') =>
    (round: number) =>
      JSON.stringify({ session_id: `${session}-${round}`, cwd: dir, hook_event_name: name, ...fields });
  const eventName = (name: string) => name.replace(/\(.*$/, '');
  return measureColdStart(
    {
      'node -e 0': ['-e', '0'],
      'elf context': [bin, '--db', db, 'context', '--task', tasks[0] as string],
      ...Object.fromEntries(
        hookEvents(tasks).map(([name, fields]) => [
          `hook ${name}`,
          { args: [bin, '--db', db, 'hook'], input: event(eventName(name), fields) },
        ]),
      ),
      ...(snapshot
        ? Object.fromEntries(
            hookEvents(tasks).map(([name, fields]) => [
              `hook ${name} (snapshot)`,
              {
                args: [...snapshot.flags, '--snapshot-blob', snapshot.blob, '--', 'hook', '--db', db],
                input: event(eventName(name), fields, 'bench-snapshot'),
              },
            ]),
          )
        : {}),
    },
    { dir, ...(options.runs ? { runs: options.runs } : {}), ...(options.env ? { env: options.env } : {}) },
  );
}
