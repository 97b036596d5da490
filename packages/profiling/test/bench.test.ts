import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import {
  type BenchReport,
  benchCaseNames,
  compareReports,
  ratioRegressions,
  referenceCase,
  runBenchmark,
} from '../src/index.js';

const report = (cases: Array<[string, number, number]>, ratios: Record<string, number> = {}): BenchReport =>
  ({
    cases: cases.map(([name, p50, p95]) => ({ name, samples: 10, p50, p95, p99: p95, mean: p50, opsPerSec: 1 })),
    ratios,
  }) as BenchReport;

describe('comparing runs', () => {
  it('gives per-case percent changes of p50 and p95 against a saved run, skipping cases it lacks', () => {
    const saved = report([
      ['search', 1, 2],
      ['statistics', 4, 8],
    ]);
    const current = report([
      ['search', 1.5, 1],
      ['statistics', 4, 8],
      ['new case', 1, 1],
    ]);
    expect(compareReports(current, saved)).toEqual([
      { name: 'search', p50: 1.5, p50Before: 1, p50Change: 50, p95: 1, p95Before: 2, p95Change: -50 },
      { name: 'statistics', p50: 4, p50Before: 4, p50Change: 0, p95: 8, p95Before: 8, p95Change: 0 },
    ]);
  });

  it('reports ratios over their committed limit, and limits it did not measure', () => {
    const current = report([], { 'a / ref': 10, 'b / ref': 30 });
    expect(ratioRegressions(current, { max: { 'a / ref': 20, 'b / ref': 20, 'c / ref': 5 } })).toEqual([
      'b / ref: 30 > 20',
      'c / ref: not measured',
    ]);
    expect(ratioRegressions(current, { max: { 'a / ref': 10 } })).toEqual([]);
  });
});

describe('runBenchmark', () => {
  it('measures every case on a generated 1k database and reports percentiles, ratios, memory and size', async () => {
    const phases = new Set<string>();
    const dir = tempDir();
    const result = await runBenchmark({
      size: '1k',
      dir,
      timeMs: 20,
      onProgress: (phase) => phases.add(phase),
    });
    expect(result.meta).toMatchObject({ size: '1k', learnings: 1000, heuristics: 200 });
    expect(result.cases.map((c) => c.name)).toEqual(benchCaseNames);
    for (const c of result.cases) {
      expect(c.samples).toBeGreaterThan(0);
      expect(c.p50).toBeGreaterThan(0);
      expect(c.p95).toBeGreaterThanOrEqual(c.p50);
      expect(c.p99).toBeGreaterThanOrEqual(c.p95);
      expect(c.opsPerSec).toBeGreaterThan(0);
    }
    expect(Object.keys(result.ratios)).toHaveLength(9);
    expect(result.ratios[`build context 2000 / ${referenceCase}`]).toBeGreaterThan(1);
    expect(result.dataset.fileMb).toBeGreaterThan(0.3);
    expect(result.memory.heapPeakMb).toBeGreaterThanOrEqual(result.memory.heapUsedMb);
    expect(phases).toEqual(new Set(['dataset', 'bench']));
  });
});
