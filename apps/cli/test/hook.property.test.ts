import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elf, elfDb, sandbox } from './support/run-elf.js';

// Whatever arrives on stdin, `elf hook` exits 0, prints at most 10,000 characters, and returns
// well within Claude Code's hook timeout. Thousands of payloads run in-process through the built
// bundle (the code users run, without a process start per case); a sample runs as real processes.

const bundle = fileURLToPath(new URL('../dist/elf.cjs', import.meta.url));
const { runCli } = createRequire(import.meta.url)(bundle) as {
  runCli(argv: readonly string[], io: unknown): Promise<number>;
};
const fixtures = fileURLToPath(new URL('./fixtures/hooks/', import.meta.url));
const realPayloads = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(fixtures, f), 'utf8'));

const events = [
  'SessionStart',
  'UserPromptSubmit',
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'SubagentStop',
  'PreCompact',
  'SessionEnd',
  'Stop',
  'Notification',
];
const tools = [
  'Task',
  'Agent',
  'Read',
  'Edit',
  'Write',
  'MultiEdit',
  'NotebookEdit',
  'Glob',
  'Grep',
  'Bash',
  'WebFetch',
];

/** Payloads shaped like hook events, with any field missing, mistyped or strange. */
const eventLike = fc.record(
  {
    hook_event_name: fc.oneof(fc.constantFrom(...events), fc.string()),
    session_id: fc.oneof(fc.constantFrom('s-1', 's-2'), fc.string({ maxLength: 300 })),
    cwd: fc.oneof(fc.constant('/tmp'), fc.string(), fc.integer()),
    transcript_path: fc.oneof(fc.constant('/nonexistent/t.jsonl'), fc.string(), fc.constant('/dev/null')),
    tool_name: fc.oneof(fc.constantFrom(...tools), fc.jsonValue()),
    tool_input: fc.oneof(
      fc.record(
        {
          file_path: fc.oneof(fc.string(), fc.constant('/tmp/x/../y.ts')),
          command: fc.string({ maxLength: 2000 }),
          prompt: fc.string({ maxLength: 5000 }),
          description: fc.string(),
          pattern: fc.string(),
          subagent_type: fc.string(),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    tool_response: fc.oneof(
      fc.jsonValue(),
      fc.string({ maxLength: 20_000 }),
      fc.record({ content: fc.array(fc.record({ type: fc.constant('text'), text: fc.string({ maxLength: 3000 }) })) }),
    ),
    tool_use_id: fc.string(),
    prompt: fc.oneof(fc.string({ maxLength: 20_000 }), fc.jsonValue()),
    error: fc.oneof(fc.string({ maxLength: 5000 }), fc.jsonValue()),
    is_interrupt: fc.jsonValue(),
    last_assistant_message: fc.oneof(fc.string({ maxLength: 5000 }), fc.constant('[LEARNED:x] always test [LEARN] y')),
    agent_type: fc.jsonValue(),
    source: fc.oneof(fc.constantFrom('startup', 'resume', 'clear', 'compact'), fc.jsonValue()),
    reason: fc.jsonValue(),
    trigger: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** Any stdin: event-like JSON, a real payload cut anywhere, random JSON, random text. */
const stdinText = fc.oneof(
  eventLike.map((e) => JSON.stringify(e)),
  fc
    .tuple(fc.constantFrom(...realPayloads), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([text, cut]) => text.slice(0, Math.floor(text.length * cut))),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 2000 }),
  fc.constant(''),
);

describe('elf hook never fails the agent', () => {
  it('exits 0 with at most 10,000 characters for thousands of random and truncated payloads', async () => {
    const box = sandbox();
    expect(elfDb(box, ['init']).code).toBe(0);
    expect(
      elfDb(box, ['record', 'heuristic', '--global', '--domain', 'testing', '--rule', 'Always run the tests']).code,
    ).toBe(0);
    const home = join(box.home, '.elf');
    mkdirSync(home, { recursive: true });
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(stdinText, async (input) => {
        let stdout = '';
        let stderr = '';
        const io = {
          stdout: (t: string) => {
            stdout += t;
          },
          stderr: (t: string) => {
            stderr += t;
          },
          env: { ELF_HOME: home },
          cwd: box.dir,
          homedir: box.home,
          isTTY: false,
          readStdin: async () => input,
        };
        const started = performance.now();
        const code = await runCli(['--db', box.db, 'hook'], io);
        slowest = Math.max(slowest, performance.now() - started);
        expect(code).toBe(0);
        expect(stderr).toBe('');
        expect(stdout.length).toBeLessThanOrEqual(10_000);
        if (stdout) expect(() => JSON.parse(stdout)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    // A hang guard, not a speed target: Claude Code's hook timeout is 60 s (ours is set to 10 s).
    expect(slowest).toBeLessThan(5000);
  }, 300_000);

  it('as real processes, for a sample of payloads', () => {
    const box = sandbox();
    expect(elfDb(box, ['init']).code).toBe(0);
    const samples = fc.sample(stdinText, { numRuns: 25, seed: 7 });
    for (const input of samples) {
      const result = elf(box, ['--db', box.db, 'hook'], { input, env: { ELF_HOME: join(box.home, '.elf') } });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.length).toBeLessThanOrEqual(10_000);
    }
  }, 120_000);
});
