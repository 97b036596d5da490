import type { BenchReport } from './run-benchmark.js';

export interface CaseDelta {
  name: string;
  p50: number;
  p50Before: number;
  p50Change: number;
  p95: number;
  p95Before: number;
  p95Change: number;
}

const change = (now: number, before: number) =>
  before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : Number.NaN;

/** Per-case deltas (percent) of p50 and p95 against a saved run. */
export function compareReports(current: BenchReport, saved: BenchReport): CaseDelta[] {
  return current.cases.flatMap((c) => {
    const before = saved.cases.find((s) => s.name === c.name);
    if (!before) return [];
    return [
      {
        name: c.name,
        p50: c.p50,
        p50Before: before.p50,
        p50Change: change(c.p50, before.p50),
        p95: c.p95,
        p95Before: before.p95,
        p95Change: change(c.p95, before.p95),
      },
    ];
  });
}

export interface RatioLimits {
  /** Ratio name → the largest acceptable value (measured ratio with generous headroom). */
  max: Record<string, number>;
}

/** Ratios over their committed limit: a regression measured within one run, never an absolute time. */
export function ratioRegressions(report: BenchReport, limits: RatioLimits): string[] {
  return Object.entries(limits.max).flatMap(([name, max]) => {
    const value = report.ratios[name];
    if (value === undefined) return [`${name}: not measured`];
    return value > max ? [`${name}: ${value} > ${max}`] : [];
  });
}
