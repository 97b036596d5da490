/** Nearest-rank p95 of `count` values, as a place in ascending order (0-based). */
export function p95Rank(count: number): number {
  return Math.max(0, Math.ceil(0.95 * count) - 1);
}

/**
 * Nearest-rank p95 of the stored durations and those not written yet, without writing them:
 * the answer is a pending duration or a stored one at most `pending.length` places below the
 * rank, so reading the stored ones from there on (`read(from, count)`, ascending) and merging
 * the pending ones in decides it.
 */
export async function p95Of(
  stored: number,
  pending: readonly number[],
  read: (from: number, count: number) => Promise<number[]>,
): Promise<number | null> {
  const total = stored + pending.length;
  if (total === 0) return null;
  const rank = p95Rank(total);
  const from = Math.max(0, rank - pending.length);
  const count = Math.min(pending.length + 1, stored - from);
  const window = count > 0 ? await read(from, count) : [];
  const merged = [...window, ...pending].sort((a, b) => a - b);
  return merged[rank - from] ?? null;
}
