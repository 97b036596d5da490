// How numbers and times read on the dashboard.

const numberFormat = new Intl.NumberFormat('en');

export const formatCount = (n: number | null | undefined): string => (n == null ? '—' : numberFormat.format(n));

export const formatConfidence = (c: number): string => c.toFixed(2);

export function formatMs(ms: number | null | undefined): string {
  if (ms == null) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

/** `2026-03-04 12:30` in local time; the raw text when it is not a date. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The local day of a timestamp, `YYYY-MM-DD`, for grouping. */
export function dayOf(iso: string): string {
  return formatTime(iso).slice(0, 10);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
