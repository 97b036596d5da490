import { mkdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ContextBuilder } from '@elf/context';
import { Elf, seededRandom, type TokenCounter } from '@elf/core';
import { sql } from 'kysely';
import { Bench } from 'tinybench';
import type { ColdStartReport } from '../cold-start.js';
import { compareWithOriginal, type OriginalComparison } from '../compare-original.js';
import { type DatasetSize, datasetDomains, datasetSizes, generateDataset } from '../dataset/generate.js';
import vocabulary from '../dataset/vocabulary.json' with { type: 'json' };
import { type ColdProcessOptions, measureColdProcesses } from './cold-processes.js';
import { percentile, round3 } from './statistics.js';

export interface BenchCase {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  opsPerSec: number;
}

export interface BenchReport {
  meta: {
    size: string;
    learnings: number;
    heuristics: number;
    node: string;
    platform: string;
    cpus: number;
    date: string;
  };
  dataset: { seconds: number; fileMb: number };
  cases: BenchCase[];
  /** Case time ÷ a raw indexed query's time, measured in the same run: comparable across machines. */
  ratios: Record<string, number>;
  /** heapPeakMb is sampled after every dataset batch and every case. */
  memory: { heapUsedMb: number; heapPeakMb: number; rssMb: number; maxRssMb: number };
  database: { fileMb: number; walMb: number };
  /** Fresh `elf context` processes against the benchmark database, beside `node -e 0`. */
  coldStart?: ColdStartReport;
  /** Cold `elf context` against the original's `query.py --context` on the same data. */
  original?: OriginalComparison;
}

export interface BenchOptions {
  size: DatasetSize;
  /** Folder for the temporary database (removed afterwards). */
  dir: string;
  /** Counts tokens as `elf record` does (recommended: the context then packs real counts). */
  tokenCounter?: TokenCounter;
  /** Measuring time per case, ms (default 1,000). */
  timeMs?: number;
  seed?: number;
  onProgress?: (phase: 'dataset' | 'bench', done: number, total: number) => void;
  /** Runs on the generated database before its size is measured (the CLI runs optimize + vacuum). */
  onDatasetReady?: (elf: Elf) => Promise<void>;
  /**
   * Also time cold `elf context` processes (and their peak RSS) against the benchmark database,
   * beside `node -e 0`: `bin` is the CLI's entry file, `env` its environment.
   */
  coldStart?: ColdProcessOptions;
  /**
   * Also time the original Python ELF's `query.py --context` on the same learnings and heuristics
   * (imported with `elf import elf-py`) against cold `elf context`: `checkout` is a checkout of the
   * original; `bin` the CLI's entry file. Uses coldStart's runs and environment.
   */
  compareOriginal?: { checkout: string; bin: string; python?: string; env?: NodeJS.ProcessEnv };
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 100) / 100;
const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** Reference for the ratios: the cheapest real query there is. */
export const referenceCase = 'raw indexed query';

/** Every case a run measures, in the order its report lists them (the tests hold runBenchmark to it). */
export const benchCaseNames = [
  referenceCase,
  'record learning',
  'record heuristic',
  'query by domain',
  'search',
  'capture PostToolUse (trail)',
  'statistics',
  'build context 500',
  'build context 2000',
  'build context 8000',
] as const;

/**
 * Generates a dataset of the given size in a temporary database and measures, with tinybench,
 * every operation an agent session leans on: recording, querying, search, context builds at
 * several budgets, a capture write, statistics — and a raw indexed query as the yardstick.
 */
export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const learnings = datasetSizes[options.size];
  const path = join(options.dir, `bench-${options.size}.db`);
  rmSync(path, { force: true });
  const now = new Date('2026-11-26T12:00:00.000Z');
  const elf = await Elf.open({
    path,
    projectPath: '/work/project',
    seedStarters: true,
    ...(options.tokenCounter ? { tokenCounter: options.tokenCounter } : {}),
  });
  let heapPeak = process.memoryUsage().heapUsed;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  try {
    const started = performance.now();
    const summary = await generateDataset(elf.db, {
      learnings,
      seed: options.seed ?? 42,
      now,
      ...(options.tokenCounter ? { tokenCounter: options.tokenCounter } : {}),
      onProgress: (done, total) => {
        sample();
        options.onProgress?.('dataset', done, total);
      },
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    await options.onDatasetReady?.(elf);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(elf.db);
    const datasetBytes = fileSize(path);

    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const words = vocabulary as string[];
    const task = () => Array.from({ length: 12 }, () => pick(words.slice(0, 1500))).join(' ');
    const tasks = Array.from({ length: 50 }, task);
    let i = 0;
    const builder = new ContextBuilder(elf);
    const bench = new Bench({ time: options.timeMs ?? 1000, warmupTime: 200, retainSamples: true });
    bench
      .add(referenceCase, async () => {
        await sql`select id from learnings where domain = ${pick(datasetDomains)} order by created_at desc limit 10`.execute(
          elf.db,
        );
      })
      .add('record learning', async () => {
        await elf.recordLearning({
          type: 'failure',
          title: task(),
          summary: task(),
          domain: pick(datasetDomains),
          tags: 'bench',
        });
      })
      .add('record heuristic', async () => {
        await elf.recordHeuristic({ domain: pick(datasetDomains), rule: task() });
      })
      .add('query by domain', async () => {
        await elf.queryByDomain({ domain: pick(datasetDomains) });
      })
      .add('search', async () => {
        await elf.search({ text: tasks[i++ % tasks.length] as string });
      })
      .add('capture PostToolUse (trail)', async () => {
        await elf.recordTrail({ location: `src/${pick(words)}/${pick(words)}.ts`, scent: 'read', strength: 0.5 });
      })
      .add('statistics', async () => {
        await elf.statistics();
      });
    for (const budget of [500, 2000, 8000]) {
      bench.add(`build context ${budget}`, async () => {
        await builder.build({ task: tasks[i++ % tasks.length] as string, maxTokens: budget });
      });
    }
    let finished = 0;
    bench.addEventListener('cycle', () => {
      sample();
      options.onProgress?.('bench', ++finished, bench.tasks.length);
    });
    await bench.run();

    const cases: BenchCase[] = bench.tasks.map((t) => {
      const latency = (t.result as { latency?: { samples?: number[]; mean?: number } } | undefined)?.latency;
      const samples = latency?.samples ?? [];
      const mean = latency?.mean ?? Number.NaN;
      return {
        name: t.name,
        samples: samples.length,
        p50: round3(percentile(samples, 0.5)),
        p95: round3(percentile(samples, 0.95)),
        p99: round3(percentile(samples, 0.99)),
        mean: round3(mean),
        opsPerSec: Math.round(1000 / mean),
      };
    });
    const reference = cases.find((c) => c.name === referenceCase)?.p50 ?? Number.NaN;
    const ratios = Object.fromEntries(
      cases
        .filter((c) => c.name !== referenceCase)
        .map((c) => [`${c.name} / ${referenceCase}`, Math.round((c.p50 / reference) * 10) / 10]),
    );
    const memory = process.memoryUsage();
    let coldStart: ColdStartReport | undefined;
    if (options.coldStart) {
      await elf.flushTelemetry();
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(elf.db);
      coldStart = measureColdProcesses({ ...options.coldStart, db: path, dir: options.dir, tasks });
    }
    let original: OriginalComparison | undefined;
    if (options.compareOriginal) {
      const dir = join(options.dir, 'original');
      mkdirSync(dir, { recursive: true });
      original = await compareWithOriginal({
        ...options.compareOriginal,
        source: elf,
        dir,
        domain: datasetDomains[0] as string,
        task: tasks[0] as string,
        ...(options.coldStart?.runs ? { runs: options.coldStart.runs } : {}),
        ...(options.coldStart?.env && !options.compareOriginal.env ? { env: options.coldStart.env } : {}),
      });
      ratios['cold elf context / query.py --context'] = original.ratio;
    }
    // Cold processes as ratios to `node -e 0` measured in the same rounds (what CI checks).
    for (const c of coldStart?.cases ?? [])
      if (c.name !== coldStart?.baseline) ratios[`cold ${c.name} / ${coldStart?.baseline}`] = c.ratio;
    return {
      meta: {
        size: options.size,
        learnings: summary.learnings,
        heuristics: summary.heuristics,
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: availableParallelism(),
        date: new Date().toISOString(),
      },
      dataset: { seconds, fileMb: mb(datasetBytes) },
      cases,
      ratios,
      memory: {
        heapUsedMb: mb(memory.heapUsed),
        heapPeakMb: mb(Math.max(heapPeak, memory.heapUsed)),
        rssMb: mb(memory.rss),
        maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      },
      database: { fileMb: mb(fileSize(path)), walMb: mb(fileSize(`${path}-wal`)) },
      ...(coldStart ? { coldStart } : {}),
      ...(original ? { original } : {}),
    };
  } finally {
    await elf.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}
