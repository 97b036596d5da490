import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { type CliContext, handler } from '../runtime/handler.js';
import { integerOption } from '../runtime/number-option.js';
import { emit } from '../runtime/output.js';
import { progressBar } from '../runtime/progress.js';
import { loadTokenizer } from '../runtime/tokenizer.js';

interface BenchOptions {
  size: '1k' | '5k' | '10k' | '100k';
  compare?: string;
  out?: string;
  check?: string;
  time?: string;
  coldRuns?: string;
  compareOriginal?: string;
  python?: string;
}

/**
 * `elf bench`: builds a deterministic dataset in a temporary database and measures every
 * operation of an agent session. `--check FILE` fails (exit 1) when a ratio to a raw indexed
 * query, measured in this same run, exceeds the limits in FILE: never an absolute time.
 */
export function registerBenchCommand(program: Command, cli: CliContext): void {
  program
    .command('bench')
    .description('benchmark recording, queries, search, context builds, capture and statistics on a generated dataset')
    .addOption(
      new Option('--size <size>', 'learnings in the dataset').choices(['1k', '5k', '10k', '100k']).default('1k'),
    )
    .option('--compare <file>', 'a saved --json run: print the change of every case')
    .option('--out <file>', 'also save this run as JSON')
    .option('--check <file>', 'fail when a ratio exceeds its limit in this JSON file ({ "max": { ratio: limit } })')
    .option('--time <ms>', 'measuring time per case', '1000')
    .option(
      '--cold-runs <n>',
      'rounds of cold `elf context` and `elf hook` processes timed beside `node -e 0` (0: none)',
      '11',
    )
    .option(
      '--compare-original <dir>',
      'also time the original Python ELF’s `query.py --context` (a checkout in <dir>) against `elf context` on the same data, imported with `elf import elf-py`',
    )
    .option('--python <exe>', 'the Python that runs the original for --compare-original', 'python3')
    .action(
      handler<BenchOptions>(cli, async (opts, globals) => {
        const { compareReports, originalQueryPy, ratioRegressions, runBenchmark } = await import('@elf/profiling');
        const { runMaintenanceTask } = await import('@elf/maintenance');
        const { ElfError } = await import('@elf/core');
        const time = await integerOption(opts.time ?? '', 'time', 50, 60_000);
        const coldRuns = await integerOption(opts.coldRuns ?? '', 'coldRuns', 0, 1000);
        const readJson = (file: string, field: string) => {
          try {
            return JSON.parse(readFileSync(resolve(cli.io.cwd, file), 'utf8'));
          } catch (error) {
            throw new ElfError('INVALID_INPUT', `${field}: cannot read ${file}: ${(error as Error).message}`, {
              field,
            });
          }
        };
        // Checked before the dataset is generated: a wrong folder fails at once.
        if (opts.compareOriginal) originalQueryPy(resolve(cli.io.cwd, opts.compareOriginal));
        const saved = opts.compare ? readJson(opts.compare, 'compare') : null;
        const limits = opts.check ? readJson(opts.check, 'check') : null;
        const dir = mkdtempSync(join(tmpdir(), 'elf-bench-'));
        const bar = await progressBar(cli.io, { json: globals.json, title: 'bench' });
        try {
          const report = await runBenchmark({
            size: opts.size,
            dir,
            timeMs: time,
            tokenCounter: await loadTokenizer(),
            onProgress: (phase, done, total) => bar.update(done, total, phase === 'dataset' ? 'rows' : 'cases'),
            ...(coldRuns > 0 && process.argv[1]
              ? { coldStart: { bin: process.argv[1], runs: coldRuns, ...(await benchSnapshot(dir, cli)) } }
              : {}),
            ...(opts.compareOriginal && process.argv[1]
              ? {
                  compareOriginal: {
                    checkout: resolve(cli.io.cwd, opts.compareOriginal),
                    bin: process.argv[1],
                    ...(opts.python ? { python: opts.python } : {}),
                    env: cli.io.env,
                  },
                }
              : {}),
            onDatasetReady: async (elf) => {
              await runMaintenanceTask(elf.database, 'optimize');
              await runMaintenanceTask(elf.database, 'vacuum');
            },
          });
          bar.stop();
          if (opts.out) writeFileSync(resolve(cli.io.cwd, opts.out), `${JSON.stringify(report, null, 2)}\n`);
          const deltas = saved ? compareReports(report, saved) : [];
          const regressions = limits ? ratioRegressions(report, limits) : [];
          emit(
            cli.io,
            globals,
            { ...report, ...(saved ? { compare: deltas } : {}), ...(limits ? { regressions } : {}) },
            () => {
              const lines = [
                `elf bench --size ${report.meta.size}: ${report.meta.learnings} learnings, ${report.meta.heuristics} heuristics (${report.meta.node}, ${report.meta.platform}, ${report.meta.cpus} cpus)`,
                `dataset: ${report.dataset.seconds} s to generate, ${report.dataset.fileMb} MB after optimize + vacuum`,
                `${'case'.padEnd(30)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'ops/s'.padStart(9)}`,
                ...report.cases.map(
                  (c) =>
                    `${c.name.padEnd(30)} ${String(c.p50).padStart(9)} ${String(c.p95).padStart(9)} ${String(c.p99).padStart(9)} ${String(c.opsPerSec).padStart(9)}`,
                ),
                `memory: heap ${report.memory.heapUsedMb} MB (peak ${report.memory.heapPeakMb} MB), rss ${report.memory.rssMb} MB (peak ${report.memory.maxRssMb} MB); database after the run ${report.database.fileMb} MB + WAL ${report.database.walMb} MB`,
                `ratios to the raw indexed query (same run): ${Object.entries(report.ratios)
                  .filter(([name]) => !name.startsWith('cold '))
                  .map(([name, ratio]) => `${name.split(' / ')[0]} ${ratio}`)
                  .join(', ')}`,
              ];
              if (report.coldStart)
                lines.push(
                  `cold processes beside ${report.coldStart.baseline} (same rounds; + is over its p50):`,
                  `${''.padEnd(38)} ${'p50 ms'.padStart(8)} ${'ratio'.padStart(6)} ${'+p50'.padStart(7)} ${'p95 ms'.padStart(8)} ${'+p95'.padStart(7)} ${'RSS MB'.padStart(7)}`,
                  ...report.coldStart.cases.map(
                    (c) =>
                      `${c.name.padEnd(38)} ${String(c.p50Ms).padStart(8)} ${c.ratio.toFixed(2).padStart(6)} ${c.overBaselineMs.toFixed(1).padStart(7)} ${String(c.p95Ms).padStart(8)} ${c.p95OverBaselineMs.toFixed(1).padStart(7)} ${c.maxRssMb.toFixed(1).padStart(7)}`,
                  ),
                );
              const original = report.original;
              if (original) {
                const row = (name: string) => original.coldStart.cases.find((c) => c.name === name);
                lines.push(
                  `against the original (${original.queryPy}, ${original.rows.learnings} learnings and ${original.rows.heuristics} heuristics imported with elf import elf-py; same rounds):`,
                  ...original.coldStart.cases.map(
                    (c) =>
                      `  ${c.name.padEnd(24)} p50 ${String(c.p50Ms).padStart(8)} ms  p95 ${String(c.p95Ms).padStart(8)} ms`,
                  ),
                  `  elf context / query.py --context: ${original.ratio}× (p50 ${row('elf context')?.p50Ms} vs ${row('query.py --context')?.p50Ms} ms)`,
                );
              }
              for (const d of deltas)
                lines.push(
                  `  vs saved: ${d.name.padEnd(28)} p50 ${d.p50Before} → ${d.p50} ms (${d.p50Change > 0 ? '+' : ''}${d.p50Change} %), p95 ${d.p95Before} → ${d.p95} ms (${d.p95Change > 0 ? '+' : ''}${d.p95Change} %)`,
                );
              if (limits)
                lines.push(
                  regressions.length === 0
                    ? 'ratios within their limits'
                    : `RATIO REGRESSIONS:\n  ${regressions.join('\n  ')}`,
                );
              return lines.join('\n');
            },
          );
          if (regressions.length > 0) cli.exitCode = 1;
        } finally {
          bar.stop();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    );
}

/**
 * The hook's start-up snapshot, built into the benchmark folder, so cold hooks are timed both
 * ways: plain and as installed hooks start. None where snapshots are not used (Windows) or
 * node cannot build one (said on stderr).
 */
async function benchSnapshot(
  dir: string,
  cli: CliContext,
): Promise<{ snapshot?: { blob: string; flags: readonly string[] } }> {
  const { buildHookSnapshot, snapshotSupported } = await import('./integration/hook-snapshot.js');
  const { hookV8Flags } = await import('@elf/hooks');
  if (!snapshotSupported) return {};
  try {
    const blob = join(dir, 'elf-hook.blob');
    buildHookSnapshot(blob);
    return { snapshot: { blob, flags: hookV8Flags } };
  } catch (error) {
    cli.io.stderr(`bench: hooks timed plain only: ${(error as Error).message}\n`);
    return {};
  }
}
