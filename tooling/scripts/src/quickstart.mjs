#!/usr/bin/env node
// The second half of `npm run quickstart`: creates ./.elf-demo/elf.db through the built CLI,
// records a few sample learnings and heuristics, and prints what was stored.
import { spawnSync } from 'node:child_process';
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
