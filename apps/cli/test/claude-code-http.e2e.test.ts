import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  assistantTurns,
  firstUserText,
  type ModelRequest,
  requestText,
  type ScriptedModel,
  startScriptedModel,
} from '@elf/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClaudeSandbox,
  claudeBinary,
  claudeEnv,
  claudeSandbox,
  injected,
  runClaude,
} from './support/claude-code.js';
import { type RunningServer, startElfServer } from './support/elf-server.js';
import { elf, elfAsync, json } from './support/run-elf.js';

// The real Claude Code client with ELF's hooks installed by `elf hooks install --transport http`
// against the real built elf-server: which events the client delivers over http, and that what
// the server answers reaches the model. A recording relay between the two keeps every event
// the client sent over http, so the test sees the delivery itself, not only its effects.

let model: ScriptedModel | undefined;
let server: RunningServer | undefined;
let relay: Server | undefined;
afterEach(async () => {
  await model?.close();
  await server?.stop();
  await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  model = undefined;
  server = undefined;
  relay = undefined;
});

/** A loopback relay to `target`, keeping the event name of every hook POST. */
async function startRelay(target: string): Promise<{ url: string; events: string[] }> {
  const events: string[] = [];
  relay = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST') {
        const payload = JSON.parse(body) as { hook_event_name: string; tool_name?: string };
        events.push(`${payload.hook_event_name}${payload.tool_name ? `(${payload.tool_name})` : ''}`);
      }
      try {
        const answer = await fetch(`${target}${req.url}`, {
          method: req.method ?? 'GET',
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
          ...(req.method === 'POST' ? { body } : {}),
        });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
        res.end(await answer.text());
      } catch {
        res.writeHead(502);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => relay?.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/hooks/claude-code`, events };
}

/** `claude -p /compact --continue`: compacts the last session (PreCompact fires). */
function compact(box: ClaudeSandbox, url: string): Promise<number | null> {
  const child = spawn(claudeBinary(), ['-p', '/compact', '--continue', '--output-format', 'json'], {
    cwd: box.project,
    env: claudeEnv(box, url),
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

describe('Claude Code with http hooks to elf-server (real client, real server)', () => {
  it('delivers every event ELF handles but SessionStart over http, and the prompt’s context reaches the model', async () => {
    const box = claudeSandbox();
    const db = join(box.home, '.elf', 'elf.db'); // the database `elf` and the SessionStart command use
    const rule = 'Run database migrations inside a transaction so a failure leaves no half-applied schema';
    expect(elf(box, ['record', 'heuristic', '--domain', 'database', '--rule', rule], { cwd: box.dir }).code).toBe(0);
    server = await startElfServer(box, db);
    const hooks = await startRelay(server.url);
    // Asynchronously: the relay runs in this process and must answer install's probe.
    const install = await elfAsync(box, ['hooks', 'install', '--transport', 'http', '--url', hooks.url]);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toContain(`server answers at ${hooks.url.replace('/hooks/claude-code', '')} (version `);

    const task = 'Find out why the orders migration left the schema half applied.';
    model = await startScriptedModel((request: ModelRequest) => {
      if (firstUserText(request).includes(task))
        return 'It ran outside a transaction.\n[LEARNED:database] Never run a multi-statement migration without a transaction';
      const agent = (request.tools ?? []).some((t) => t.name === 'Agent') ? 'Agent' : 'Task';
      switch (assistantTurns(request)) {
        case 0:
          return [{ tool: 'Read', input: { file_path: join(box.project, 'src', 'orders.ts') } }];
        case 1:
          return [{ tool: 'Bash', input: { command: 'git -C reports status', description: 'status of reports' } }];
        case 2:
          return [
            {
              tool: agent,
              input: { description: 'Investigate the migration', prompt: task, subagent_type: 'general-purpose' },
            },
          ];
        default:
          return 'Done.\n[LEARNED:git] Always create the reports directory before the job runs git in it';
      }
    });
    const run = await runClaude(box, model.url, 'the orders database migration failed halfway', [
      'Read',
      'Bash',
      'Agent',
      'Task',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.result.is_error).toBe(false);

    // UserPromptSubmit went over http; what the server answered is in the model's first request,
    // beside SessionStart's context from the command hook.
    const first = requestText(model.requests[0] as ModelRequest);
    const prompt = injected(first, 'UserPromptSubmit');
    expect(prompt).toHaveLength(1);
    expect(prompt[0]).toContain(rule);
    expect(injected(first, 'SessionStart')).toHaveLength(1);
    // PreToolUse(Agent) went over http too: the subagent's own prompt carries its knowledge.
    const subagent = model.requests.find((r) => firstUserText(r).includes(task)) as ModelRequest;
    expect(firstUserText(subagent)).toContain('ELF knowledge for this task ("Investigate the migration")');

    await model.close();
    model = await startScriptedModel('Summary: the migration ran outside a transaction.');
    expect(await compact(box, model.url)).toBe(0);

    // What the client sent over http: everything ELF handles except SessionStart.
    const delivered = new Set(hooks.events.map((e) => e.replace(/\(.*\)$/, '')));
    for (const event of [
      'UserPromptSubmit',
      'PreToolUse',
      'PostToolUse',
      'PostToolUseFailure',
      'SubagentStop',
      'PreCompact',
      'SessionEnd',
    ])
      expect(delivered, `${event} over http`).toContain(event);
    expect(delivered).not.toContain('SessionStart');
    expect(hooks.events).toEqual(
      expect.arrayContaining(['PreToolUse(Agent)', 'PostToolUse(Read)', 'PostToolUseFailure(Bash)']),
    );
    // No hook failed in the client's eyes.
    // No hook failed in the client's eyes (lines echoing a hook's answer are left out: ELF's
    // context itself mentions failures), and every http answer was a 200.
    const hookLines = run.debug.split('\n').filter((l) => /hook/i.test(l) && !l.includes('hookSpecificOutput'));
    expect(hookLines.filter((l) => /error|failed|timed out/i.test(l))).toEqual([]);
    const statuses = hookLines.flatMap((l) => l.match(/HTTP hook response status (\d+)/)?.[1] ?? []);
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set(['200']));

    // And the server learned from them, in the same database the CLI reads.
    const failures = json(
      elf(box, ['--json', 'query', '--recent', '--type', 'failure'], { cwd: box.project }),
    ).learnings;
    expect(failures.map((l: { title: string }) => l.title)).toContain(
      "Bash failed: fatal: cannot change to 'reports': No such file or directory",
    );
    const learned = JSON.stringify(
      json(elf(box, ['--json', 'query', '--domain', 'git'], { cwd: box.project })).heuristics,
    );
    expect(learned).toContain('Always create the reports directory before the job runs git in it');
    expect(server.stderr()).toBe('');
  }, 240_000);
});
