import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assistantTurns,
  firstUserText,
  lastToolResults,
  type ModelRequest,
  requestText,
  type ScriptedModel,
  startScriptedModel,
} from '@elf/test-support';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClaudeRun,
  type ClaudeSandbox,
  claudeSandbox,
  injected,
  recordedPayloads,
  runClaude,
} from './support/claude-code.js';
import { elf, json } from './support/run-elf.js';

// Whole sessions of the real Claude Code client (issue 13): ELF's hooks installed as a user
// installs them (next to a hook of the user's own that records every payload), the client run
// with `claude -p` in a git project, a scripted model in place of the API. What matters is proven
// here: what the client sends, and that what ELF answers reaches the model.

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const query = (box: ClaudeSandbox, args: string[]) =>
  json(elf(box, ['--json', 'query', ...args], { cwd: box.project }));
const record = (box: ClaudeSandbox, domain: string, rule: string, scope: string[] = []) =>
  expect(
    elf(box, ['record', 'heuristic', '--domain', domain, '--rule', rule, ...scope], { cwd: box.project }).code,
  ).toBe(0);

/** The run ended well and the client reported no trouble with any hook. */
function expectClean(run: ClaudeRun): void {
  expect(run.code, `${run.stderr}\n${run.debug.split('\n').slice(-25).join('\n')}`).toBe(0);
  expect(run.result.is_error).toBe(false);
  const hookLines = run.debug.split('\n').filter((line) => /\bhook/i.test(line));
  expect(hookLines.length).toBeGreaterThan(5);
  // (Lines that echo a hook's output are left out: ELF's context itself mentions failures.)
  const troubles = hookLines.filter(
    (line) => !line.includes('hookSpecificOutput') && /error|failed|timed out|non-zero|status [1-9]/i.test(line),
  );
  expect(troubles).toEqual([]);
  // Every ELF handler the client ran finished with status 0.
  for (const line of hookLines.filter((l) => /elf-hook\.blob/.test(l) && /with status/.test(l)))
    expect(line).toMatch(/with status 0\b/);
}

const elfHeader = '# ELF memory: lessons from earlier sessions';

/** What the real failures of the 'failures' story are titled (npm 10 says `npm ERR!`, 11 `npm error`). */
const realFailureTitles = [
  "Bash failed: fatal: cannot change to 'reports': No such file or directory",
  expect.stringMatching(/^Bash failed: npm (error|ERR!) Missing script: "migrate"$/),
  'Bash failed: Error: seed file missing',
  "Bash failed: src/bad.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.",
];

describe('Claude Code sessions against a scripted model (real client, real hooks)', () => {
  it('injects context the model sees, captures what happened, and the next session meets the lesson', async () => {
    const box = claudeSandbox();
    // Scoped to the project: a session start shows it whatever the session is about.
    record(box, 'database', 'Open the orders database read-only when a report only reads it', ['--project']);
    // Session 1: read a file, a Bash command that fails for real, an Edit that cannot apply, then
    // an answer with a marker.
    model = await startScriptedModel((request: ModelRequest) => {
      switch (assistantTurns(request)) {
        case 0:
          return [{ tool: 'Read', input: { file_path: join(box.project, 'src', 'orders.ts') } }];
        case 1:
          return [{ tool: 'Bash', input: { command: 'git -C reports status', description: 'status of reports' } }];
        case 2:
          return [
            {
              tool: 'Edit',
              input: { file_path: join(box.project, 'src', 'orders.ts'), old_string: 'no such text', new_string: 'x' },
            },
          ];
        default:
          return 'The reports folder was never created.\n[LEARNED:git] Always create the reports directory before the job runs git in it';
      }
    });
    const first = await runClaude(box, model.url, 'the nightly orders report crashes before it writes anything', [
      'Read',
      'Bash',
      'Edit',
    ]);
    expectClean(first);
    expect(model.requests).toHaveLength(4);
    // SessionStart's context reached the model, once, within its 1,500-token budget, and stayed
    // in every later request of the session without being added again.
    for (const request of model.requests) {
      const start = injected(requestText(request), 'SessionStart');
      expect(start).toHaveLength(1);
      expect(start[0]).toContain(elfHeader);
      expect(start[0]).toContain('Open the orders database read-only when a report only reads it');
      expect(countTokens(start[0] as string)).toBeLessThanOrEqual(1500);
      expect(requestText(request).split(elfHeader)).toHaveLength(2);
    }
    // The Edit failed in the client's own validation, before any hook: the model saw the error,
    // and no PostToolUseFailure was sent. ELF finds it in the transcript at SessionEnd.
    expect(lastToolResults(model.requests[3] as ModelRequest)[0]).toMatchObject({ is_error: true });
    const events = recordedPayloads(box).map((p) => `${p.hook_event_name}${p.tool_name ? `(${p.tool_name})` : ''}`);
    expect(events).toEqual([
      'SessionStart',
      'UserPromptSubmit',
      'PreToolUse(Read)',
      'PostToolUse(Read)',
      'PreToolUse(Bash)',
      'PostToolUseFailure(Bash)',
      'Stop',
      'SessionEnd',
    ]);
    // What ELF recorded: the real error as the failure's title, a trail, the marker.
    const failures = query(box, ['--recent', '--type', 'failure']).learnings;
    expect(failures.map((l: { title: string }) => l.title).sort()).toEqual([
      "Bash failed: fatal: cannot change to 'reports': No such file or directory",
      'Edit failed: String to replace not found in file.',
    ]);
    // The summary ends with the status and the situation: the session's first prompt.
    expect(failures.find((l: { title: string }) => l.title.startsWith('Bash')).summary).toMatch(
      /\(exit code 128\)\n\nWhile: the nightly orders report crashes before it writes anything$/,
    );
    expect(JSON.stringify(query(box, ['--trails']))).toContain('src/orders.ts');
    const git = query(box, ['--domain', 'git']);
    expect(JSON.stringify(git.heuristics)).toContain(
      'Always create the reports directory before the job runs git in it',
    );

    // Session 2, the same problem told by its symptom: the lesson and the failure are in the
    // context the model receives before its first answer.
    await model.close();
    model = await startScriptedModel('I will create the folder first.');
    const second = await runClaude(
      box,
      model.url,
      'the report job dies again: git cannot change to the reports folder',
      ['Read'],
    );
    expectClean(second);
    const seen = requestText(model.requests[0] as ModelRequest);
    expect(seen).toContain('Always create the reports directory before the job runs git in it');
    expect(seen).toContain("fatal: cannot change to 'reports'");
    expect(new Set(recordedPayloads(box).map((p) => p.session_id)).size).toBe(2);
    keepFixtures(box, 'lesson-across-sessions');
  }, 180_000);

  it('names each real tool failure by its error: git, npm, node, tsc', async () => {
    const box = claudeSandbox();
    writeFileSync(join(box.project, 'package.json'), '{ "name": "shop", "version": "1.0.0", "scripts": {} }\n');
    writeFileSync(join(box.project, 'seed.js'), 'throw new Error("seed file missing");\n');
    writeFileSync(join(box.project, 'src', 'bad.ts'), 'export const total: number = "12";\n');
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const commands = [
      'git -C reports status',
      'npm run migrate',
      'node seed.js',
      `"${process.execPath}" "${tsc}" --noEmit --strict src/bad.ts`,
    ];
    model = await startScriptedModel((request: ModelRequest) => {
      const turn = assistantTurns(request);
      return turn < commands.length
        ? [{ tool: 'Bash', input: { command: commands[turn] as string, description: `step ${turn + 1}` } }]
        : 'All four failed.';
    });
    const run = await runClaude(box, model.url, 'set up the shop locally', ['Bash']);
    expectClean(run);
    const titles = query(box, ['--recent', '--type', 'failure', '--limit', '10']).learnings.map(
      (l: { title: string }) => l.title,
    );
    expect(titles).toHaveLength(4);
    expect(titles).toEqual(expect.arrayContaining(realFailureTitles));
    keepFixtures(box, 'failures');
  }, 120_000);

  it('when an error comes back that ELF has seen before, the model gets what ELF knows with the failed result', async () => {
    const box = claudeSandbox();
    writeFileSync(join(box.project, 'seed.js'), 'throw new Error("seed file missing");\n');
    const failOnce = () =>
      startScriptedModel((request: ModelRequest) =>
        assistantTurns(request) === 0
          ? [{ tool: 'Bash', input: { command: 'node seed.js', description: 'seed the database' } }]
          : 'The seed failed.',
      );
    model = await failOnce();
    expectClean(await runClaude(box, model.url, 'seed the local database', ['Bash']));
    // Session 1 met the error for the first time: nothing was known, nothing was added.
    // (The client labels it with the tool: "PostToolUseFailure:Bash hook additional context: …".)
    expect(injected(requestText(model.requests[1] as ModelRequest), 'PostToolUseFailure:Bash')).toEqual([]);
    await model.close();
    model = await failOnce();
    // A prompt that shares no word with it (the real stack trace's `runMain` would match
    // "running"): the failure is news when the error comes back.
    expectClean(await runClaude(box, model.url, 'tidy up the changelog', ['Bash']));
    expect(injected(requestText(model.requests[0] as ModelRequest), 'UserPromptSubmit').join('')).not.toContain(
      'seed file missing',
    );
    // Session 2 repeats it: the request after the failed call carries session 1's failure.
    const known = injected(requestText(model.requests[1] as ModelRequest), 'PostToolUseFailure:Bash');
    expect(known).toHaveLength(1);
    expect(known[0]).toContain('ELF knowledge about this error:');
    expect(known[0]).toContain('Bash failed: Error: seed file missing');
  }, 120_000);

  it('a prompt gets the knowledge relevant to it that the session has not been shown', async () => {
    const box = claudeSandbox();
    // Learned in another place: global, so not this project's session-start knowledge.
    expect(
      elf(
        box,
        [
          'record',
          'heuristic',
          '--domain',
          'payments',
          '--rule',
          'Retry a Stripe webhook only after checking its idempotency key',
        ],
        {
          cwd: box.dir,
        },
      ).code,
    ).toBe(0);
    model = await startScriptedModel('Looking at the webhook handler.');
    const run = await runClaude(box, model.url, 'the stripe webhook charges customers twice when it is retried', [
      'Read',
    ]);
    expectClean(run);
    const seen = requestText(model.requests[0] as ModelRequest);
    expect(injected(seen, 'SessionStart')[0]).not.toContain('idempotency key');
    const prompt = injected(seen, 'UserPromptSubmit');
    expect(prompt).toHaveLength(1);
    expect(prompt[0]).toContain('Retry a Stripe webhook only after checking its idempotency key');
    expect(countTokens(prompt[0] as string)).toBeLessThanOrEqual(800);
  }, 120_000);

  it('a subagent’s own request carries what PreToolUse(Agent) gave it; its marker is learned', async () => {
    const box = claudeSandbox();
    record(box, 'database', 'Run database migrations inside a transaction so a failure leaves no half-applied schema');
    const task = 'The orders migration left the schema half applied after it failed. Find out why.';
    let agentTool = 'Agent';
    model = await startScriptedModel((request: ModelRequest) => {
      const names = (request.tools ?? []).map((t) => t.name);
      if (firstUserText(request).includes(task)) {
        return 'Fixed: the migration ran outside a transaction; it now runs in one and the tests pass.\n[LEARNED:database] Never run a multi-statement migration without a transaction';
      }
      if (assistantTurns(request) === 0) {
        agentTool = names.includes('Agent') ? 'Agent' : 'Task';
        return [
          {
            tool: agentTool,
            input: { description: 'Investigate the migration', prompt: task, subagent_type: 'general-purpose' },
          },
        ];
      }
      return 'The subagent found it.';
    });
    const run = await runClaude(box, model.url, 'why is the orders schema half applied?', ['Agent', 'Task', 'Read']);
    expectClean(run);
    const subagent = model.requests.filter((r) => firstUserText(r).includes(task));
    expect(subagent.length).toBeGreaterThan(0);
    const given = requestText(subagent[0] as ModelRequest);
    // In the subagent's own prompt, in front of its task; and not in the main agent's context.
    expect(firstUserText(subagent[0] as ModelRequest)).toContain(
      'ELF knowledge for this task ("Investigate the migration")',
    );
    expect(given).toContain('Run database migrations inside a transaction');
    const main = model.requests.filter((r) => !firstUserText(r).includes(task));
    for (const request of main) expect(requestText(request)).not.toContain('ELF knowledge for this task');
    const events = recordedPayloads(box).map((p) => p.hook_event_name);
    expect(events).toContain('SubagentStop');
    // The heuristic it was given was validated when it answered (SubagentStop: the Agent tool runs
    // in the background, so its PostToolUse carries no answer).
    const consulted = query(box, ['--domain', 'database']).heuristics.find((h: { rule: string }) =>
      h.rule.startsWith('Run database migrations inside a transaction'),
    );
    expect(consulted).toMatchObject({ times_validated: 1, times_violated: 0 });
    expect(consulted.confidence).toBeGreaterThan(0.5);
    const learned = query(box, ['--domain', 'database']);
    expect(JSON.stringify(learned.heuristics)).toContain('Never run a multi-statement migration without a transaction');
    keepFixtures(box, 'subagent');
  }, 180_000);

  it('after `elf hooks uninstall` the client still starts, with the user’s own hook and no ELF context', async () => {
    const box = claudeSandbox();
    // Scoped to the project: a session start shows it whatever the session is about.
    record(box, 'database', 'Open the orders database read-only when a report only reads it', ['--project']);
    expect(elf(box, ['hooks', 'uninstall']).code).toBe(0);
    model = await startScriptedModel('Nothing to do.');
    const run = await runClaude(box, model.url, 'the orders report is slow', ['Read']);
    expectClean(run);
    expect(requestText(model.requests[0] as ModelRequest)).not.toContain(elfHeader);
    expect(recordedPayloads(box).map((p) => p.hook_event_name)).toContain('SessionStart');
  }, 120_000);
});

// The payloads the real client sent, committed as fixtures (test/fixtures/claude-code/), with
// sandbox paths and ids made stable. CLAUDE_CODE_FIXTURES=record rewrites them; otherwise each
// event's fields must still be the committed ones, so a client that changes its payloads fails
// here first.
const fixtureDir = fileURLToPath(new URL('./fixtures/claude-code/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function stable(payload: Record<string, unknown>, box: ClaudeSandbox): Record<string, unknown> {
  const ids = new Map<string, string>();
  const text = JSON.stringify(payload)
    .replaceAll(repoRoot, '{{REPO}}/')
    .replaceAll(process.execPath, '{{NODE}}')
    .replaceAll(box.dir, '{{DIR}}')
    .replaceAll(box.dir.replaceAll('/', '-'), '{{DIR-AS-NAME}}')
    .replace(/\/tmp\/claude-\d+\//g, '{{CLAUDE-TMP}}/')
    .replace(/\b(a[0-9a-f]{16})\b/g, '{{AGENT}}')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!ids.has(id)) ids.set(id, `{{ID${ids.size + 1}}}`);
      return ids.get(id) as string;
    })
    .replace(/"duration_ms":\d+/g, '"duration_ms":0');
  return JSON.parse(text);
}

const shape = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
      )
    : Array.isArray(value)
      ? 'array'
      : typeof value;

function keepFixtures(box: ClaudeSandbox, story: string): void {
  const payloads = recordedPayloads(box).map((p) => stable(p, box));
  const keyOf = (p: Record<string, unknown>) => `${p.hook_event_name}${p.tool_name ? `-${p.tool_name}` : ''}`;
  const dir = join(fixtureDir, story);
  if (process.env.CLAUDE_CODE_FIXTURES === 'record') {
    mkdirSync(dir, { recursive: true });
    for (const [i, p] of payloads.entries())
      writeFileSync(join(dir, `${String(i + 1).padStart(2, '0')}-${keyOf(p)}.json`), `${JSON.stringify(p, null, 2)}\n`);
    return;
  }
  // Compared by event (the order of a background subagent's events may vary), each payload with
  // a committed one of the same event and tool.
  const committed = readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')));
  expect(payloads.map(keyOf).sort(), `${story}: other events than committed (CLAUDE_CODE_FIXTURES=record)`).toEqual(
    committed.map(keyOf).sort(),
  );
  for (const p of payloads) {
    const shapes = committed.filter((c) => keyOf(c) === keyOf(p)).map(shape);
    expect(shapes, `${story}: ${keyOf(p)} changed shape (CLAUDE_CODE_FIXTURES=record)`).toContainEqual(shape(p));
  }
}

describe('the real client’s recorded payloads through `elf hook`', () => {
  it('each one is understood: exit 0, nothing logged as unknown or failed, the failure titled by its error', () => {
    const box = claudeSandbox();
    for (const story of readdirSync(fixtureDir)) {
      for (const file of readdirSync(join(fixtureDir, story)).sort()) {
        const text = readFileSync(join(fixtureDir, story, file), 'utf8')
          .replaceAll('{{DIR-AS-NAME}}', box.dir.replaceAll('/', '-'))
          .replaceAll('{{DIR}}', box.dir)
          .replaceAll('{{REPO}}/', repoRoot)
          .replaceAll('{{NODE}}', process.execPath)
          .replace(/\{\{ID(\d+)\}\}/g, (_, n: string) => `${story}-session-${n}`);
        const run = elf(box, ['hook'], { cwd: box.project, input: text });
        expect(run.code, file).toBe(0);
        expect(run.stderr, file).toBe('');
        if (run.stdout) expect(JSON.parse(run.stdout).hookSpecificOutput, file).toBeDefined();
      }
    }
    const log = join(box.home, '.elf', 'logs', 'hook.log');
    const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    // Only what is expected here may be noted: Stop is not an event ELF handles (its installed
    // hooks leave it out), and the sessions' transcripts are not in the corpus.
    const expected = /ignored: unhandled event Stop$|SessionEnd: transcript not read \(ENOENT/;
    expect(lines.filter((line) => !expected.test(line))).toEqual([]);
    const titles = query(box, ['--recent', '--type', 'failure']).learnings.map((l: { title: string }) => l.title);
    expect(titles).toEqual(expect.arrayContaining(realFailureTitles));
  });
});
