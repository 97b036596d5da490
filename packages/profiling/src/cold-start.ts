import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ElfError } from '@elf/schema';
import { percentile, round3 } from './bench/statistics.js';

export interface ColdStartCase {
  name: string;
  runs: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  /** p50 minus the baseline's p50, measured in the same rounds. */
  overBaselineMs: number;
  /** p95 minus the baseline's p50: how issue 12's targets are stated (e.g. hooks within +35 ms). */
  p95OverBaselineMs: number;
  /** p50 over the baseline's p50. */
  ratio: number;
  /** Peak resident set size of the process (getrusage), median and highest over the runs. */
  maxRssMb: number;
  maxRssMbHighest: number;
}

export interface ColdStartReport {
  baseline: string;
  cases: ColdStartCase[];
}

// Preloaded into every measured process: prints its peak RSS (kB) on stderr as it exits. Linux's
// VmHWM is the peak of this program's own memory map; getrusage's maxRSS (the fallback elsewhere)
// also counts the parent's pages the child held between fork and exec, which inflates it when
// the parent is large (a benchmark process is).
const preload = `process.on('exit', () => {
  const fs = require('node:fs');
  let kb = process.resourceUsage().maxRSS;
  try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  try { fs.writeSync(2, '\\n@elf-maxrss ' + kb + '\\n'); } catch {}
});
`;

/**
 * Wall time and peak RSS of fresh Node processes, each command against `baseline` (e.g. `node -e
 * 0`) in alternating rounds so machine noise hits them alike; the first round only warms the OS
 * file cache. Every command gets the same tiny `--require` preload that reports its peak RSS.
 */
/**
 * A command: its arguments to node, and optionally what to write to its stdin (per round). With
 * `exec`, another program runs them instead (e.g. the original ELF's python); its peak RSS is not
 * measured (NaN).
 */
export type ColdCommand =
  | readonly string[]
  | { args: readonly string[]; input?: string | ((round: number) => string); exec?: string };

export function measureColdStart(
  commands: Record<string, ColdCommand>,
  options: { dir: string; runs?: number; baseline?: string; env?: NodeJS.ProcessEnv },
): ColdStartReport {
  const runs = options.runs ?? 11;
  const baseline = options.baseline ?? Object.keys(commands)[0] ?? '';
  const preloadPath = join(options.dir, 'elf-maxrss-preload.cjs');
  try {
    writeFileSync(preloadPath, preload);
  } catch (error) {
    throw new ElfError('INVALID_INPUT', `dir: cannot write ${preloadPath}: ${(error as Error).message}`, {
      field: 'dir',
      cause: error,
    });
  }
  const times = new Map<string, number[]>(Object.keys(commands).map((name) => [name, []]));
  const rss = new Map<string, number[]>(Object.keys(commands).map((name) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [name, command] of Object.entries(commands)) {
      const { args, input, exec } = 'args' in command ? command : { args: command, input: undefined, exec: undefined };
      const stdin = typeof input === 'function' ? input(round) : input;
      const started = process.hrtime.bigint();
      const result = spawnSync(exec ?? process.execPath, exec ? args : ['--require', preloadPath, ...args], {
        stdio: [stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
        ...(stdin === undefined ? {} : { input: stdin }),
        // No env given: Node hands the child this process's environment, so the package never reads it.
        ...(options.env ? { env: options.env } : {}),
        encoding: 'utf8',
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0) {
        throw new ElfError(
          'INTERNAL',
          `${name} exited with ${result.status}: ${(result.stderr ?? '').trim().split('\n')[0]}`,
        );
      }
      const kb = Number(/@elf-maxrss (\d+)/.exec(result.stderr ?? '')?.[1] ?? Number.NaN);
      if (round > 0) {
        times.get(name)?.push(ms);
        rss.get(name)?.push(kb / 1024);
      }
    }
  }
  const baselineP50 = percentile(times.get(baseline) ?? [], 0.5);
  return {
    baseline,
    cases: Object.keys(commands).map((name) => {
      const t = times.get(name) ?? [];
      const r = rss.get(name) ?? [];
      const p50 = percentile(t, 0.5);
      return {
        name,
        runs: t.length,
        p50Ms: round3(p50),
        p90Ms: round3(percentile(t, 0.9)),
        p95Ms: round3(percentile(t, 0.95)),
        overBaselineMs: round3(p50 - baselineP50),
        p95OverBaselineMs: round3(percentile(t, 0.95) - baselineP50),
        ratio: Math.round((p50 / baselineP50) * 100) / 100,
        maxRssMb: Math.round(percentile(r, 0.5) * 10) / 10,
        maxRssMbHighest: r.some(Number.isNaN) ? Number.NaN : Math.round(Math.max(...r) * 10) / 10,
      };
    }),
  };
}
