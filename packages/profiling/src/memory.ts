export interface MemoryReport<T> {
  result: T;
  heapBefore: number;
  heapAfter: number;
  heapPeak: number;
  rssBefore: number;
  rssAfter: number;
  rssPeak: number;
  /** Highest RSS of the whole process so far (getrusage), in bytes. */
  maxRss: number;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

/**
 * Heap and RSS before, after, and at their peak during an operation. The peak is sampled every
 * `intervalMs` while the operation yields to the event loop, and whenever it calls `sample` (pass
 * it to a progress callback: synchronous SQLite work between awaits never lets a timer run).
 */
export async function measureMemory<T>(
  run: (sample: () => void) => Promise<T>,
  options: { intervalMs?: number } = {},
): Promise<MemoryReport<T>> {
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const sample = () => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
  };
  const timer = setInterval(sample, options.intervalMs ?? 5);
  timer.unref();
  try {
    const result = await run(sample);
    sample();
    const after = process.memoryUsage();
    return {
      result,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      heapPeak,
      rssBefore: before.rss,
      rssAfter: after.rss,
      rssPeak,
      maxRss: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The same report in megabytes, for printing. */
export function inMegabytes<T>(report: MemoryReport<T>) {
  return {
    heapBeforeMb: mb(report.heapBefore),
    heapAfterMb: mb(report.heapAfter),
    heapPeakMb: mb(report.heapPeak),
    rssBeforeMb: mb(report.rssBefore),
    rssAfterMb: mb(report.rssAfter),
    rssPeakMb: mb(report.rssPeak),
    maxRssMb: mb(report.maxRss),
  };
}
