#!/usr/bin/env node
// The second half of `npm run quickstart`: creates ./.elf-demo/elf.db through the built CLI,
// records a few sample learnings and heuristics, prints what was stored, and checks that
// elf-server serves the demo database before printing how to open the dashboard.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const demoDir = join(root, '.elf-demo');
const db = join(demoDir, 'elf.db');
const bin = join(root, 'apps', 'cli', 'dist', 'bin.js');

function elf(args, { show = true } = {}) {
  const shown = `elf ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
  if (show) process.stdout.write(`\n$ ${shown}\n`);
  const result = spawnSync(process.execPath, [bin, '--db', db, ...args], { cwd: root, encoding: 'utf8' });
  if (show) process.stdout.write(result.stdout);
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`${shown} exited with ${result.status}`);
  }
  return result.stdout;
}

// A demo starts clean each time, so running it twice shows the same thing.
rmSync(demoDir, { recursive: true, force: true });

elf(['init']);
elf([
  'record',
  'failure',
  '--title',
  'Migration locked the database during deploy',
  '--domain',
  'database',
  '--summary',
  'ALTER TABLE on a large table held the write lock for 40 s; requests timed out.',
  '--severity',
  'high',
  '--tags',
  'migration,locking',
]);
elf([
  'record',
  'success',
  '--title',
  'Batched inserts cut the import from 90 s to 4 s',
  '--domain',
  'performance',
  '--tags',
  'sqlite,batch',
]);
elf([
  'record',
  'observation',
  '--title',
  'The CI runner has only 2 cores; parallel tests contend',
  '--domain',
  'testing',
  '--tags',
  'ci',
]);
elf([
  'record',
  'heuristic',
  '--domain',
  'database',
  '--rule',
  'Always run read-then-write work in an IMMEDIATE transaction',
  '--explanation',
  'A deferred transaction that upgrades to a write lock fails at once under WAL when another writer got there first.',
  '--confidence',
  'high',
  '--global',
]);
elf([
  'record',
  'heuristic',
  '--domain',
  'testing',
  '--rule',
  'Never assert on wall-clock time in unit tests; inject a clock',
  '--confidence',
  '0.7',
  '--global',
]);
elf([
  'record',
  'decision',
  '--title',
  'SQLite in WAL mode as the only store',
  '--context',
  'Agents on one machine need a shared memory without a server.',
  '--decision',
  'One embedded SQLite file per user, WAL, busy timeout 5 s.',
  '--rationale',
  'Zero setup, concurrent readers, one writer at a time is enough for hooks.',
  '--domain',
  'database',
]);

process.stdout.write('\n── What ELF stored ──\n');
elf(['query', '--stats']);
elf(['query', '--domain', 'database']);
elf(['query', '--search', 'lock transaction']);

process.stdout.write('\n── The context an agent gets for a task ──\n');
elf(['context', '--task', 'add an index to the orders table in production without locking it', '--max-tokens', '600']);
process.stdout.write(
  `\nDemo database: ${db}\nTry: node apps/cli/dist/bin.js --db ${db} query --domain testing   (or: pnpm elf …)\n`,
);
// The server on the same database, started and asked once, so the dashboard's URL below is known to work.
const server = spawn(process.execPath, [join(root, 'apps', 'server', 'dist', 'bin.js'), '--db', db, '--port', '0'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const found = out.match(/listening on (http:\/\/\S+?)\/? /);
    if (found) resolve(found[1]);
  });
  server.on('close', (code) => reject(new Error(`elf-server exited with ${code}`)));
});
const stats = await (await fetch(`${url}/api/stats`)).json();
const page = await fetch(`${url}/`);
server.kill('SIGTERM');
await new Promise((resolve) => server.on('close', resolve));
if (!page.ok) throw new Error(`the dashboard answered ${page.status}`);
process.stdout.write(
  `\n── The dashboard ──\nelf-server answered on the demo database (${stats.stats.total_heuristics} heuristics, ${stats.stats.total_learnings} learnings). To open it:\n  node apps/server/dist/bin.js --db ${db}\nthen open http://127.0.0.1:4747/ in a browser (Ctrl-C stops the server; \`elf hooks install --transport http\` sends Claude Code's hooks to it).\n`,
);
