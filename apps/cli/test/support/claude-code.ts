import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { elf, type Sandbox, sandbox } from './run-elf.js';

// The real Claude Code client (@anthropic-ai/claude-code, pinned in devDependencies) in a
// sandbox: a private HOME with ELF's hooks installed the way a user installs them, a git
// project, and the scripted model server (@elf/test-support) in place of the API.

/**
 * The client's native binary for this platform, from the package the wrapper depends on (the
 * wrapper's own bin is a placeholder until its postinstall copies the binary over it, and pnpm
 * does not run that script).
 */
export function claudeBinary(): string {
  const wrapper = createRequire(import.meta.url).resolve('@anthropic-ai/claude-code/package.json');
  const musl = process.platform === 'linux' && !(process.report?.getReport() as any)?.header?.glibcVersionRuntime;
  const platform = `${process.platform}-${process.arch}${musl ? '-musl' : ''}`;
  const pkg = createRequire(wrapper).resolve(`@anthropic-ai/claude-code-${platform}/package.json`);
  return join(dirname(pkg), process.platform === 'win32' ? 'claude.exe' : 'claude');
}

export interface ClaudeSandbox extends Sandbox {
  project: string;
  /** Where the recorder hook writes every payload the client sends, one file per event. */
  payloads: string;
}

/**
 * A HOME whose ~/.claude/settings.json already has a hook of the user's own (a recorder that
 * keeps each payload), then ELF's hooks installed by `elf hooks install`, and a git project.
 */
export function claudeSandbox(): ClaudeSandbox {
  const box = sandbox();
  const project = join(box.dir, 'shop');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(
    join(project, 'src', 'orders.ts'),
    "export function openOrders(path: string) {\n  return 'sqlite:' + path;\n}\n",
  );
  execFileSync('git', ['init', '-q'], { cwd: project });
  const payloads = join(box.dir, 'payloads');
  mkdirSync(payloads);
  const recorder = join(box.dir, 'record-payload.cjs');
  writeFileSync(
    recorder,
    `const fs = require('fs'); const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', () => {
  const text = Buffer.concat(chunks).toString('utf8');
  let name = 'unknown'; try { name = JSON.parse(text).hook_event_name; } catch {}
  fs.writeFileSync(${JSON.stringify(payloads)} + '/' + process.hrtime.bigint() + '-' + name + '.json', text);
});
`,
  );
  const command = `"${process.execPath}" "${recorder}"`;
  const events = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PostToolUseFailure'];
  const mine = Object.fromEntries(
    [...events, 'SubagentStop', 'Stop', 'PreCompact', 'SessionEnd'].map((event) => [
      event,
      [
        {
          ...(events.includes(event) && event.includes('Tool') ? { matcher: '*' } : {}),
          hooks: [{ type: 'command', command }],
        },
      ],
    ]),
  );
  mkdirSync(join(box.home, '.claude'), { recursive: true });
  writeFileSync(join(box.home, '.claude', 'settings.json'), `${JSON.stringify({ hooks: mine }, null, 2)}\n`);
  const install = elf(box, ['hooks', 'install']);
  expect(install.code, install.stderr).toBe(0);
  return { ...box, project: realpathSync(project), payloads };
}

export interface ClaudeRun {
  code: number | null;
  /** The client's --output-format json result. */
  result: { is_error: boolean; result: string; session_id: string; [field: string]: unknown };
  stderr: string;
  /** The client's debug log of this run. */
  debug: string;
}

let runs = 0;

/** The client's environment against the scripted model at `url`: no traffic anywhere else. */
export function claudeEnv(box: ClaudeSandbox, url: string): NodeJS.ProcessEnv {
  return {
    ...box.env,
    ANTHROPIC_BASE_URL: url,
    ANTHROPIC_API_KEY: 'sk-ant-scripted-model',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
  };
}

/**
 * One `claude -p` session in the project, against the scripted model at `url`. Asynchronous:
 * the model server runs in this process and must answer while the client waits.
 */
export function runClaude(box: ClaudeSandbox, url: string, prompt: string, tools: string[]): Promise<ClaudeRun> {
  const debugFile = join(box.dir, `claude-debug-${++runs}.log`);
  const child = spawn(
    claudeBinary(),
    ['-p', prompt, '--output-format', 'json', '--allowedTools', tools.join(','), '--debug-file', debugFile],
    {
      cwd: box.project,
      env: claudeEnv(box, url),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      let debug = '';
      try {
        debug = readFileSync(debugFile, 'utf8');
      } catch {
        // no debug log written
      }
      let result: ClaudeRun['result'];
      try {
        result = JSON.parse(stdout);
      } catch {
        result = { is_error: true, result: stdout, session_id: '' };
      }
      resolve({ code, result, stderr, debug });
    });
  });
}

/** The payloads the recorder kept, in the order the client sent them. */
export function recordedPayloads(box: ClaudeSandbox): Array<Record<string, any>> {
  return readdirSync(box.payloads)
    .sort((a, b) => (BigInt(a.split('-')[0] as string) < BigInt(b.split('-')[0] as string) ? -1 : 1))
    .map((file) => JSON.parse(readFileSync(join(box.payloads, file), 'utf8')));
}

/** What ELF added at one hook event, as the model received it ("<Event> hook additional context: …"). */
export function injected(text: string, event: string): string[] {
  const marker = `${event} hook additional context: `;
  const found: string[] = [];
  let at = text.indexOf(marker);
  while (at >= 0) {
    const start = at + marker.length;
    const end = text.indexOf('\n\n\n', start);
    found.push(text.slice(start, end < 0 ? undefined : end));
    at = text.indexOf(marker, start);
  }
  return found;
}
