import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { Elf } from '../src/index.js';

const writer = fileURLToPath(new URL('./fixtures/writer.mjs', import.meta.url));

function runWriter(mode: 'learnings' | 'cycles', path: string, worker: number, count: number) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [writer, mode, path, String(worker), String(count)], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('concurrent writers', () => {
  it('16 OS processes writing to one new database lose nothing and surface no error', async () => {
    const path = join(tempDir(), 'shared.db');
    const processes = 16;
    const writes = 100;
    const results = await Promise.all(
      Array.from({ length: processes }, (_, i) => runWriter('learnings', path, i, writes)),
    );
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const elf = await Elf.open({ path, projectPath: null });
    try {
      const stats = await elf.statistics();
      expect(stats.total_learnings).toBe(processes * writes);
      for (let worker = 0; worker < processes; worker++) {
        const mine = await elf.queryByTags({ tags: `worker-${worker}`, limit: 1000 });
        expect(mine.learnings).toHaveLength(writes);
      }
      expect((await elf.validateDatabase()).valid).toBe(true);
    } finally {
      await elf.close();
    }
  }, 120_000);

  it('read-then-write from 8 processes at once: every cycle gets the next number, none twice', async () => {
    const path = join(tempDir(), 'cycles.db');
    const setup = await Elf.open({ path, projectPath: null });
    await setup.recordExperiment({ name: 'contended', hypothesis: 'immediate transactions serialise' });
    await setup.close();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => runWriter('cycles', path, i, 20)));
    for (const result of results) expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const elf = await Elf.open({ path, projectPath: null });
    try {
      const cycles = await elf.db.selectFrom('cycles').select('cycle_number').orderBy('cycle_number').execute();
      expect(cycles.map((c) => c.cycle_number)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
      const experiment = await elf.db.selectFrom('experiments').select('cycles_run').executeTakeFirstOrThrow();
      expect(experiment.cycles_run).toBe(160);
    } finally {
      await elf.close();
    }
  }, 120_000);
});
