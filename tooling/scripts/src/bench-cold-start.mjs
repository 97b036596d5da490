#!/usr/bin/env node
// Cold start of the built CLI (through its V8 code cache, as users run it) against `node -e 0`,
// measured side by side on the same machine:
//   node tooling/scripts/src/bench-cold-start.mjs [--learnings 10000] [--runs 21] [--against <checkout>]
// Seeds a temporary database (learnings over 20 domains, one heuristic per five learnings),
// then alternates the commands — and with --against, the same commands of another checkout's
// build — so machine noise hits them alike, and prints medians, p90s and the ratio between builds.
// Hook events get a new session each run (nothing is left out as already seen). Children run
// without NODE_EXTRA_CA_CERTS, which slows every Node start here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Elf } from '@elf/core';

const { values } = parseArgs({
  options: {
    learnings: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '21' },
    against: { type: 'string' },
  },
});
const learnings = Number(values.learnings);
const runs = Number(values.runs);
const root = new URL('../../../', import.meta.url).pathname;
const bin = join(root, 'apps/cli/dist/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'elf-bench-'));
const db = join(dir, 'elf.db');

const domains = Array.from({ length: 20 }, (_, i) => `domain-${i}`);
const elf = await Elf.open({ path: db, projectPath: null });
await elf.db.transaction().execute(async (trx) => {
  const start = Date.parse('2026-06-01T00:00:00.000Z');
  for (let i = 0; i < learnings; i++) {
    const at = new Date(start + i * 60_000).toISOString();
    const domain = domains[i % domains.length];
    await trx
      .insertInto('learnings')
      .values({
        type: ['failure', 'success', 'observation'][i % 3],
        title: `Learning ${i}: ${domain} build step failed after dependency upgrade`,
        summary: 'The lockfile drifted from the manifest; a clean install fixed it. '.repeat(3),
        domain,
        tags: `t${i % 50}`,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (i % 5 === 0) {
      await trx
        .insertInto('heuristics')
        .values({
          domain,
          rule: `Heuristic ${i}: pin versions in ${domain}`,
          confidence: (i % 97) / 100,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  }
});
await elf.close();

const task = 'the domain-3 build step failed after a dependency upgrade';
const hookPayloads = {
  SessionStart: { source: 'startup' },
  UserPromptSubmit: { prompt: task },
  'PreToolUse(Task)': {
    tool_name: 'Task',
    tool_input: { description: 'Fix the build', prompt: task },
    tool_use_id: 't1',
  },
  'PostToolUse(Read)': { tool_name: 'Read', tool_input: { file_path: `${dir}/src/a.ts` }, tool_response: 'x' },
  // A failure is answered with what is known about its error: a context build, like a prompt's.
  'PostToolUseFailure(Bash)': {
    tool_name: 'Bash',
    tool_input: { command: 'npm run build' },
    tool_use_id: 't2',
    error: 'Exit code 1\nError: the domain-3 build step failed after a dependency upgrade',
  },
};
const eventOf = (name) => name.replace(/\(.*$/, '');

/** The commands of one build: `elf --version`, a query, a context, and one hook process per event. */
function commandsOf(bin, label) {
  const elfCmd = (args, input) => ({ cmd: process.execPath, args: [bin, ...args], input });
  const hooks = Object.entries(hookPayloads).map(([name, fields]) => [
    `${label}hook ${name}`,
    (run) =>
      elfCmd(
        ['--db', db, 'hook'],
        JSON.stringify({ session_id: `${label}s${run}`, cwd: dir, hook_event_name: eventOf(name), ...fields }),
      ),
  ]);
  return [
    [`${label}elf --version`, () => elfCmd(['--version'])],
    [`${label}elf query --domain domain-3`, () => elfCmd(['--db', db, 'query', '--domain', 'domain-3'])],
    [`${label}elf context --task …`, () => elfCmd(['--db', db, 'context', '--task', task])],
    ...hooks,
  ];
}
const other = values.against ? join(values.against, 'apps/cli/dist/bin.js') : null;
const ours = commandsOf(bin, '');
const theirs = other ? commandsOf(other, 'against: ') : [];
const commands = [['node -e 0', () => ({ cmd: process.execPath, args: ['-e', '0'] })]];
for (const [i, command] of ours.entries()) commands.push(command, ...(theirs[i] ? [theirs[i]] : []));
const env = { ...process.env, ELF_HOME: join(dir, 'home') };
delete env.NODE_EXTRA_CA_CERTS;
const times = Object.fromEntries(commands.map(([name]) => [name, []]));
for (let run = 0; run < runs + 1; run++) {
  for (const [name, make] of commands) {
    const { cmd, args, input } = make(run);
    // Each build keeps its own code cache, as it would on a user's machine.
    const cache = join(dir, name.startsWith('against: ') ? 'cache-against' : 'cache');
    const started = process.hrtime.bigint();
    const result = spawnSync(cmd, args, {
      stdio: ['pipe', 'pipe', 'ignore'],
      input,
      env: { ...env, ELF_CACHE_DIR: cache },
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
    // A hook fails open: one that answered nothing at session start did not do the work timed.
    if (name.endsWith('hook SessionStart') && result.stdout.length === 0)
      throw new Error(`${name} answered nothing (see ${env.ELF_HOME}/logs/hook.log)`);
    if (run > 0) times[name].push(ms); // the first round warms the OS file cache and the code cache
  }
}
rmSync(dir, { recursive: true, force: true });

const pct = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(p * list.length) - 1)];
const base = pct(times['node -e 0'], 0.5);
console.log(
  `cold start, ${runs} runs each, ${learnings} learnings + ${learnings / 5} heuristics, node ${process.version}`,
);
for (const [name, list] of Object.entries(times)) {
  const median = pct(list, 0.5);
  const extra = name === 'node -e 0' ? '' : `  (+${(median - base).toFixed(1)} ms over node -e 0)`;
  const mine = times[name.replace(/^against: /, '')];
  const ratio =
    name.startsWith('against: ') && mine ? `  this build ÷ against: ${(pct(mine, 0.5) / median).toFixed(3)}` : '';
  console.log(`${name.padEnd(40)} median ${median.toFixed(1)} ms  p90 ${pct(list, 0.9).toFixed(1)} ms${extra}${ratio}`);
}
