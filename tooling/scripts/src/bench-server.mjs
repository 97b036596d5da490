#!/usr/bin/env node
// elf-server under the loads its users put on it, measured from other processes on loopback:
//   node tooling/scripts/src/bench-server.mjs [--learnings 10000] [--hooks 300] [--duration 10] [--json]
// The database: the hard relevance corpus (symptom-phrased heuristics and learnings, recorded in a
// real git repository) plus a generated dataset of --learnings learnings and one heuristic per five.
// 1. HTTP-hook round trips: UserPromptSubmit with the hard corpus's symptom tasks, one at a time,
//    each on a new connection (as Claude Code's client makes them) — p50/p95/p99; beside it the
//    command hook (`elf hook`, a cold process) for the same payloads, and `node -e 0`.
// 2. Load (autocannon, 50 connections, --duration s each): GET /api/stats and POST /hooks/claude-code,
//    saturated and (hooks) at a steady 20 req/s (Poisson arrivals over 50 keep-alive connections), without and with 8 `elf record` processes writing in loops. Every request must be
//    answered with a 2xx, none may fail with SQLITE_BUSY (server log), no CLI write may fail.
// 3. Live updates: how long after an `elf record` process exits the event stream says so.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '@elf/profiling';
import autocannon from 'autocannon';
import { hardFixture } from './hard-fixture.mjs';

const { values } = parseArgs({
  options: {
    learnings: { type: 'string', default: '10000' },
    hooks: { type: 'string', default: '300' },
    duration: { type: 'string', default: '10' },
    writers: { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
  },
});
const learnings = Number(values.learnings);
const hookRuns = Number(values.hooks);
const duration = Number(values.duration);
const writerCount = Number(values.writers);

const root = new URL('../../../', import.meta.url).pathname;
const serverBin = join(root, 'apps/server/dist/bin.js');
const cliBin = join(root, 'apps/cli/dist/bin.js');
const say = (text) => values.json || process.stderr.write(`${text}\n`);
const { dir, db, repo, env, tasks } = await hardFixture({ learnings, prefix: 'elf-bench-server-', say });

const server = spawn(process.execPath, [serverBin, '--db', db, '--port', '0'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverErr = '';
server.stderr.on('data', (c) => {
  serverErr += c;
});
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (c) => {
    out += c;
    const m = out.match(/listening on (http:\/\/\S+?)\/? /);
    if (m) resolve(m[1]);
  });
  server.on('close', () => reject(new Error(`elf-server exited: ${serverErr}`)));
});
const { port } = new URL(base);

/** One POST on a fresh connection (agent: false), as a hook client makes it; resolves with ms. */
function post(path, body) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode, text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const payload = (i) =>
  JSON.stringify({
    session_id: `bench-${i % 20}`,
    transcript_path: join(dir, 'none.jsonl'),
    cwd: repo,
    hook_event_name: 'UserPromptSubmit',
    prompt: tasks[i % tasks.length],
  });

const summary = (list) => ({
  runs: list.length,
  p50: percentile(list, 0.5),
  p95: percentile(list, 0.95),
  p99: percentile(list, 0.99),
  max: Math.max(...list),
});
const round = (o) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v]));

// 1. Round trips (a few warm-up requests first: the first build reads the corpus).
for (let i = 0; i < 5; i++) await post('/hooks/claude-code', payload(i));
const hookTimes = [];
let injected = 0;
for (let i = 0; i < hookRuns; i++) {
  const r = await post('/hooks/claude-code', payload(i));
  if (r.status !== 200) throw new Error(`hook answered ${r.status}: ${r.text}`);
  if (r.text.includes('additionalContext')) injected++;
  hookTimes.push(r.ms);
}
say(`http hook: ${JSON.stringify(round(summary(hookTimes)))} ms, ${injected}/${hookRuns} with context`);

const cold = (args, input) => {
  const times = [];
  for (let i = 0; i < 15; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, args, { env, input: input?.(i), encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentile(times, 0.5);
};
const nodeBare = cold(['-e', '0']);
const commandHook = cold([cliBin, 'hook', '--db', db], payload);
say(`command hook (cold process): median ${commandHook.toFixed(1)} ms; node -e 0: ${nodeBare.toFixed(1)} ms`);

// 2. Load while 8 CLI processes write.
let writing = true;
const writeFailures = [];
let writes = 0;
async function writer(n) {
  while (writing) {
    await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [cliBin, '--db', db, 'record', 'failure', '--domain', 'bench', '--title', `Writer ${n} failure ${writes}`],
        { env, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (c) => {
        err += c;
      });
      child.on('close', (code) => {
        writes++;
        if (code !== 0) writeFailures.push(err.trim());
        resolve();
      });
    });
  }
}

async function load(title, options, withWriters) {
  writing = withWriters;
  const writers = withWriters ? Array.from({ length: writerCount }, (_, n) => writer(n)) : [];
  const { path, ...rest } = options;
  const result = await autocannon({ url: `${base}${path}`, connections: 50, duration, ...rest });
  writing = false;
  await Promise.all(writers);
  const report = {
    title: `${title}${withWriters ? `, ${writerCount} CLI writers` : ''}`,
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  say(`${title}: ${JSON.stringify(report)}`);
  return report;
}

/**
 * Agents at a steady rate: requests at random (Poisson) times, `rate` a second, over a pool of 50
 * keep-alive connections. (autocannon's overallRate fires its connections in step — 50 requests at
 * once every 2.5 s at 20 req/s — which measures a burst, not agents.)
 */
async function paced(title, rate, withWriters) {
  writing = withWriters;
  const writers = withWriters ? Array.from({ length: writerCount }, (_, n) => writer(n)) : [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const times = [];
  let failed = 0;
  const pending = [];
  const end = performance.now() + duration * 1000;
  let next = performance.now();
  let i = 0;
  while (next < end) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    const body = payload(i++);
    pending.push(
      new Promise((resolve) => {
        const started = performance.now();
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/hooks/claude-code',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode !== 200) failed++;
              times.push(performance.now() - started);
              resolve();
            });
          },
        );
        req.on('error', () => {
          failed++;
          resolve();
        });
        req.end(body);
      }),
    );
    next += -Math.log(1 - Math.random()) * (1000 / rate);
  }
  await Promise.all(pending);
  agent.destroy();
  writing = false;
  await Promise.all(writers);
  const report = {
    title: `${title}${withWriters ? `, ${writerCount} CLI writers` : ''}`,
    requests: times.length,
    reqPerSec: Math.round((times.length / duration) * 10) / 10,
    ...round({
      p50: percentile(times, 0.5),
      p90: percentile(times, 0.9),
      p99: percentile(times, 0.99),
      max: Math.max(...times),
    }),
    non2xx: failed,
    errors: 0,
    timeouts: 0,
  };
  say(`${title}: ${JSON.stringify(report)}`);
  return report;
}

let n = 0;
const hookLoad = {
  path: '/hooks/claude-code',
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  requests: [{ setupRequest: (req) => ({ ...req, body: payload(n++) }) }],
};
// Saturation (as fast as 50 connections can go), and hooks at a steady 20 a second: more than
// ten agents send (a prompt every half second each).
const loads = [
  await load('GET /api/stats, saturated', { path: '/api/stats' }, false),
  await load('GET /api/stats, saturated', { path: '/api/stats' }, true),
  await load('POST /hooks/claude-code, saturated', hookLoad, false),
  await paced('POST /hooks/claude-code at 20 req/s (Poisson)', 20, false),
  await paced('POST /hooks/claude-code at 20 req/s (Poisson)', 20, true),
];

// 3. Live updates.
const latencies = [];
await new Promise((resolve, reject) => {
  const req = http.get(`${base}/api/events`, (res) => {
    let buffer = '';
    let recordedAt = 0;
    const next = () => {
      if (latencies.length >= 10) {
        req.destroy();
        resolve();
        return;
      }
      const r = spawnSync(
        process.execPath,
        [cliBin, '--db', db, 'record', 'observation', '--domain', 'bench', '--title', `event ${latencies.length}`],
        { env },
      );
      if (r.status !== 0) reject(new Error(String(r.stderr)));
      recordedAt = performance.now();
    };
    res.on('data', (chunk) => {
      buffer += chunk;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        if (block.startsWith('event: ready')) next();
        else if (block.startsWith('event: change') && block.includes('learnings') && recordedAt > 0) {
          latencies.push(performance.now() - recordedAt);
          recordedAt = 0;
          setTimeout(next, 50);
        }
      }
    });
  });
  req.on('error', (e) => (latencies.length >= 10 ? resolve() : reject(e)));
});
say(
  `change feed: a write is on the event stream ${JSON.stringify(round(summary(latencies)))} ms after the writer exits`,
);

// The server's resident memory now and at its peak (Linux: /proc), the load included.
const memory = (() => {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))?.[1] ?? Number.NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
})();
server.kill('SIGTERM');
await new Promise((resolve) => server.on('close', resolve));
const busy = (serverErr.match(/BUSY|SQLITE_BUSY|database is locked/g) ?? []).length;
const report = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  learnings,
  httpHook: round(summary(hookTimes)),
  httpHookWithContext: injected,
  commandHookMedianMs: round({ v: commandHook }).v,
  nodeBareMedianMs: round({ v: nodeBare }).v,
  load: loads,
  cliWrites: writes,
  cliWriteFailures: writeFailures.length,
  serverBusyLines: busy,
  changeFeedMs: round(summary(latencies)),
  serverMemory: memory,
};
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  if (memory) say(`server memory: ${memory.rssMb} MB resident at the end, ${memory.peakRssMb} MB at the peak`);
  say(
    `CLI writes during load: ${writes}, failed: ${writeFailures.length}${writeFailures[0] ? ` (${writeFailures[0]})` : ''}; server log lines with BUSY: ${busy}`,
  );
}
rmSync(dir, { recursive: true, force: true });
const ok =
  loads.every((l) => l.non2xx === 0 && l.errors === 0 && l.timeouts === 0) && busy === 0 && writeFailures.length === 0;
process.exitCode = ok ? 0 : 1;
