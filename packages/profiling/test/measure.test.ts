import { tempDir } from '@elf/test-support';
import type { LogEvent } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  createQueryProfiler,
  generateDataset,
  inMegabytes,
  measureColdStart,
  measureMemory,
  parameterShape,
} from '../src/index.js';
import { now, openElf } from './support/elf.js';

const event = (sql: string, ms: number, parameters: unknown[] = [], level: 'query' | 'error' = 'query') =>
  ({
    level,
    query: { sql, parameters, query: { kind: 'RawNode' } },
    queryDurationMillis: ms,
    ...(level === 'error' ? { error: new Error('x') } : {}),
  }) as unknown as LogEvent;

describe('query profiler', () => {
  it('counts and times each statement, and logs slow ones with parameter shapes, never values', () => {
    const profiler = createQueryProfiler({ slowMs: 50, now: () => now });
    profiler.log(event('select *\n  from learnings where id = ?', 2, [1]));
    profiler.log(event('select * from learnings where id = ?', 4, [2]));
    profiler.log(event('insert into trails values (?, ?)', 120, ['secret-path', null]));
    profiler.log(event('select broken', 1, [], 'error'));
    const summary = profiler.summary();
    expect(summary.queries).toBe(4);
    expect(summary.errors).toBe(1);
    expect(summary.slowThresholdMs).toBe(50);
    expect(summary.statements[0]).toMatchObject({ sql: 'insert into trails values (?, ?)', count: 1, maxMs: 120 });
    const select = summary.statements.find((s) => s.sql.startsWith('select * from learnings'));
    expect(select).toMatchObject({ count: 2, totalMs: 6, meanMs: 3, maxMs: 4, p95Ms: 4 });
    expect(summary.slow).toEqual([
      { sql: 'insert into trails values (?, ?)', ms: 120, parameters: ['string(11)', 'null'], at: now.toISOString() },
    ]);
    expect(JSON.stringify(summary)).not.toContain('secret-path');
    profiler.reset();
    expect(profiler.summary()).toMatchObject({ queries: 0, slow: [], statements: [] });
  });

  it('describes parameters by type and size', () => {
    expect(parameterShape('abc')).toBe('string(3)');
    expect(parameterShape(7)).toBe('number');
    expect(parameterShape(7n)).toBe('bigint');
    expect(parameterShape(null)).toBe('null');
    expect(parameterShape(new Uint8Array(16))).toBe('blob(16)');
  });

  it('sees every statement of a real Elf through kysely’s log hook, and keeps only the newest slow entries', async () => {
    const profiler = createQueryProfiler({ slowMs: 0, keepSlow: 3 });
    const elf = await openElf({ log: profiler.log });
    await elf.recordLearning({ type: 'failure', title: 'Profiled write', summary: 'x', domain: 'ops' });
    await elf.queryByDomain({ domain: 'ops' });
    const summary = profiler.summary();
    expect(summary.queries).toBeGreaterThan(3);
    expect(summary.statements.some((s) => s.sql.includes('insert into "learnings"'))).toBe(true);
    expect(summary.slow).toHaveLength(3);
  });
});

describe('measureMemory', () => {
  it('reports heap and RSS before, after and at the peak, including peaks that are gone by the end', async () => {
    const report = await measureMemory(async (sample) => {
      let big: number[][] | null = Array.from({ length: 200 }, () => new Array(50_000).fill(1.5));
      sample();
      const length = big.length;
      big = null;
      return length;
    });
    expect(report.result).toBe(200);
    // 200 × 50,000 doubles ≈ 80 MB were alive at the sample.
    expect(report.heapPeak - report.heapBefore).toBeGreaterThan(60 * 1_048_576);
    expect(report.rssPeak).toBeGreaterThanOrEqual(report.rssBefore);
    expect(report.maxRss).toBeGreaterThanOrEqual(report.rssPeak - 1_048_576);
    const mb = inMegabytes(report);
    expect(mb.heapPeakMb).toBeGreaterThan(mb.heapBeforeMb + 60);
  });

  it('measures a real operation: generating a dataset', async () => {
    const elf = await openElf();
    const report = await measureMemory((sample) =>
      generateDataset(elf.db, { learnings: 1000, now, onProgress: () => sample() }),
    );
    expect(report.result.learnings).toBe(1000);
    expect(report.heapPeak).toBeGreaterThan(0);
  });
});

describe('measureColdStart', () => {
  it('times fresh processes beside a baseline and reports each one’s peak RSS', () => {
    const report = measureColdStart(
      {
        'node -e 0': ['-e', '0'],
        'allocates 80 MB': ['-e', 'globalThis.keep = Buffer.alloc(80 * 1024 * 1024, 1)'],
      },
      { dir: tempDir(), runs: 2 },
    );
    expect(report.baseline).toBe('node -e 0');
    const [baseline, heavy] = report.cases;
    expect(baseline).toMatchObject({ name: 'node -e 0', runs: 2, overBaselineMs: 0 });
    expect(heavy?.runs).toBe(2);
    expect(baseline?.maxRssMb).toBeGreaterThan(10);
    expect((heavy?.maxRssMb ?? 0) - (baseline?.maxRssMb ?? 0)).toBeGreaterThan(60);
    expect(heavy?.p50Ms).toBeGreaterThan(0);
  });

  it('states ratios and p95 against the baseline, and runs other programs (without an RSS figure)', () => {
    const report = measureColdStart(
      {
        'node -e 0': ['-e', '0'],
        'sleeps 60 ms': ['-e', 'setTimeout(() => {}, 60)'],
        'sh sleeps 60 ms': { exec: 'sh', args: ['-c', 'sleep 0.06'] },
      },
      { dir: tempDir(), runs: 3 },
    );
    const [baseline, sleeper, shell] = report.cases;
    expect(baseline?.ratio).toBe(1);
    expect(sleeper?.ratio).toBeGreaterThan(1);
    // A process that sleeps 60 ms takes at least that; how much more than node's start depends on
    // the machine's noise, so the figures are checked against their definitions, not a margin.
    expect(sleeper?.p50Ms).toBeGreaterThanOrEqual(60);
    expect(sleeper?.p95Ms).toBeGreaterThanOrEqual(sleeper?.p50Ms ?? Number.NaN);
    expect(sleeper?.p95OverBaselineMs).toBeCloseTo((sleeper?.p95Ms ?? 0) - (baseline?.p50Ms ?? 0), 2);
    expect(sleeper?.p95OverBaselineMs).toBeGreaterThanOrEqual(sleeper?.overBaselineMs ?? Number.NaN);
    expect(shell?.p50Ms).toBeGreaterThanOrEqual(60);
    expect(shell?.maxRssMb).toBeNaN();
  });

  it('names the command that failed', () => {
    expect(() => measureColdStart({ broken: ['-e', 'process.exit(3)'] }, { dir: tempDir(), runs: 1 })).toThrow(
      /broken exited with 3/,
    );
  });
});
