#!/usr/bin/env node
// Cold start of the built CLI (through its V8 code cache, as users run it) against `node -e 0`,
// measured side by side on the same machine:
//   node tooling/scripts/src/bench-cold-start.mjs [--learnings 10000] [--runs 21]
// Seeds a temporary database (learnings over 20 domains, one heuristic per five learnings),
// then alternates the commands so machine noise hits them alike, and prints medians and p90s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Elf } from '@elf/core';

const { values } = parseArgs({
  options: { learnings: { type: 'string', default: '10000' }, runs: { type: 'string', default: '21' } },
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

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'elf --version': [process.execPath, [bin, '--version']],
  'elf query --domain domain-3': [process.execPath, [bin, '--db', db, 'query', '--domain', 'domain-3']],
  'elf context --task …': [
    process.execPath,
    [bin, '--db', db, 'context', '--task', 'the domain-3 build step failed after a dependency upgrade'],
  ],
};
const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let run = 0; run < runs + 1; run++) {
  for (const [name, [cmd, args]] of Object.entries(commands)) {
    const started = process.hrtime.bigint();
    const result = spawnSync(cmd, args, { stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
    if (run > 0) times[name].push(ms); // the first round warms the OS file cache
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
  console.log(`${name.padEnd(30)} median ${median.toFixed(1)} ms  p90 ${pct(list, 0.9).toFixed(1)} ms${extra}`);
}
