#!/usr/bin/env node
// `elf mcp` as an MCP client starts it: a cold process in a git repository, over a database of
// the hard relevance corpus (symptom-phrased, recorded in that repository) plus --learnings
// generated learnings. Each run spawns the built CLI, and measures:
//   start      spawn → the `initialize` response (through the V8 code cache, as users run it)
//   tools/list the round trip after `notifications/initialized`
//   context 1  the first elf_context call (a symptom task from the corpus; the builder is cold)
//   context 2  a second call with another task (warm)
//   exit       stdin closed → the process gone
// then, on a running elf-server, tools/list and elf_context over Streamable HTTP (/mcp, one
// session, every corpus task twice),
// and `node -e 0` alternately, so machine noise hits both alike. Children run without
// NODE_EXTRA_CA_CERTS, which slows every Node start here.
//   node tooling/scripts/src/bench-mcp.mjs [--learnings 10000] [--runs 21] [--json]
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '@elf/profiling';
import { hardFixture } from './hard-fixture.mjs';

const { values } = parseArgs({
  options: {
    learnings: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '21' },
    json: { type: 'boolean', default: false },
  },
});
const learnings = Number(values.learnings);
const runs = Number(values.runs);
const say = (text) => values.json || process.stderr.write(`${text}\n`);

const root = new URL('../../../', import.meta.url).pathname;
const bin = join(root, 'apps/cli/dist/bin.js');
const { dir, db, repo, env, tasks } = await hardFixture({ learnings, prefix: 'elf-bench-mcp-', say });

const ms = (from) => performance.now() - from;

/** `node -e 0`: spawn → exit. */
function nodeBaseline() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(ms(t0)));
  });
}

/** Peak resident memory (VmHWM) of a process in MB, where /proc has it (Linux); else NaN. */
function residentMb(pid) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** One `elf mcp` session, message by message, timing each answer. */
function mcpSession(run) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'mcp', '--db', db], {
      cwd: repo,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const times = {};
    let stderr = '';
    let buffer = '';
    let sent = t0;
    const send = (message) => {
      sent = performance.now();
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    };
    const call = (id, task) => send({ id, method: 'tools/call', params: { name: 'elf_context', arguments: { task } } });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line);
        if (message.error || message.result?.isError) {
          reject(new Error(`elf mcp answered an error: ${line}`));
          return;
        }
        if (message.id === 1) {
          times.start = ms(t0);
          send({ method: 'notifications/initialized' });
          send({ id: 2, method: 'tools/list' });
        } else if (message.id === 2) {
          times.list = ms(sent);
          if (message.result.tools.length !== 10) reject(new Error(`tools/list: ${message.result.tools.length} tools`));
          call(3, tasks[run % tasks.length]);
        } else if (message.id === 3) {
          times.context1 = ms(sent);
          call(4, tasks[(run + 7) % tasks.length]);
        } else if (message.id === 4) {
          times.context2 = ms(sent);
          times.rss = residentMb(child.pid);
          sent = performance.now();
          child.stdin.end();
        }
      }
    });
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`elf mcp exited ${code}: ${stderr}`));
      else resolve({ ...times, exit: ms(sent) });
    });
    send({
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
    });
  });
}

// The first run writes the code cache, as a user's first `elf mcp` does.
await mcpSession(0);
const samples = { node: [], start: [], list: [], context1: [], context2: [], exit: [], rss: [] };
for (let run = 0; run < runs; run++) {
  samples.node.push(await nodeBaseline());
  const times = await mcpSession(run);
  for (const key of ['start', 'list', 'context1', 'context2', 'exit', 'rss']) samples[key].push(times[key]);
}

// The same tools over Streamable HTTP on a running elf-server: one warm process for every session.
const serverBin = join(root, 'apps/server/dist/bin.js');
const server = spawn(process.execPath, [serverBin, '--db', db, '--port', '0'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const found = out.match(/listening on (http:\/\/\S+?)\/? /);
    if (found) resolve(found[1]);
  });
  server.on('close', () => reject(new Error('elf-server exited before listening')));
  setTimeout(() => reject(new Error('elf-server did not start within 30 s')), 30_000).unref();
});
const mcpUrl = `${base}/mcp?cwd=${encodeURIComponent(repo)}`;
let sessionId;
async function rpc(id, method, params) {
  const started = performance.now();
  const response = await fetch(mcpUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(sessionId ? { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' } : {}),
    },
    body: JSON.stringify({ jsonrpc: '2.0', ...(id === null ? {} : { id }), method, ...(params ? { params } : {}) }),
  });
  sessionId ??= response.headers.get('mcp-session-id') ?? undefined;
  const text = await response.text();
  const elapsed = ms(started);
  if (!response.ok) throw new Error(`POST /mcp ${method}: ${response.status} ${text}`);
  if (id !== null && (JSON.parse(text).error || JSON.parse(text).result?.isError))
    throw new Error(`/mcp ${method}: ${text}`);
  return elapsed;
}
const http = { list: [], context: [] };
try {
  await rpc(1, 'initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'bench', version: '1' },
  });
  await rpc(null, 'notifications/initialized');
  for (let i = 0; i < runs; i++) http.list.push(await rpc(100 + i, 'tools/list'));
  // Every task of the corpus once, then again: the second pass reads what the first one read.
  for (let i = 0; i < tasks.length * 2; i++) {
    const task = tasks[i % tasks.length];
    http.context.push(await rpc(1000 + i, 'tools/call', { name: 'elf_context', arguments: { task } }));
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('close', resolve));
}
rmSync(dir, { recursive: true, force: true });

const round = (n) => Math.round(n * 10) / 10;
const summary = Object.fromEntries(
  Object.entries(samples).map(([key, list]) => [
    key,
    { p50: round(percentile(list, 0.5)), p90: round(percentile(list, 0.9)) },
  ]),
);
const overNode = round(summary.start.p50 - summary.node.p50);
const httpSummary = Object.fromEntries(
  Object.entries(http).map(([key, list]) => [
    key,
    { n: list.length, p50: round(percentile(list, 0.5)), p95: round(percentile(list, 0.95)) },
  ]),
);
if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ learnings, runs, ...summary, startOverNode: overNode, http: httpSummary })}\n`,
  );
} else {
  const row = (label, key) =>
    `${label.padEnd(28)} p50 ${String(summary[key].p50).padStart(7)} ms   p90 ${String(summary[key].p90).padStart(7)} ms`;
  say(`elf mcp, ${runs} cold runs, ${learnings} learnings + the hard corpus`);
  say(row('node -e 0 (spawn → exit)', 'node'));
  say(row('start (spawn → initialize)', 'start'));
  say(`${'  over node -e 0'.padEnd(28)} p50 ${String(overNode).padStart(7)} ms`);
  say(row('tools/list round trip', 'list'));
  say(row('first elf_context', 'context1'));
  say(row('second elf_context', 'context2'));
  say(row('exit after stdin closes', 'exit'));
  const httpRow = (label, key) =>
    `${label.padEnd(28)} p50 ${String(httpSummary[key].p50).padStart(7)} ms   p95 ${String(httpSummary[key].p95).padStart(7)} ms   (${httpSummary[key].n} calls)`;
  say(httpRow('/mcp tools/list (HTTP)', 'list'));
  say(httpRow('/mcp elf_context (HTTP)', 'context'));
  say(
    `${'peak RSS after two contexts'.padEnd(28)} p50 ${String(summary.rss.p50).padStart(7)} MB   p90 ${String(summary.rss.p90).padStart(7)} MB`,
  );
}
