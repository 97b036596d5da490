import { useMemo } from 'preact/hooks';
import { plural } from '../lib/format';
import type { Velocity } from '../lib/types';
import { type ChartSeries, LineChart } from './line-chart';
import { Empty } from './states';

const kinds = [
  { key: 'failures', label: 'Failures', color: '--chart-fail' },
  { key: 'successes', label: 'Successes', color: '--chart-ok' },
  { key: 'observations', label: 'Observations', color: '--chart-3' },
  { key: 'heuristics', label: 'Heuristics', color: '--chart-1' },
  { key: 'promotions', label: 'Promotions', color: '--chart-gold' },
] as const;

const toSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** What was learned per day or per week: one line per kind. */
export function VelocityChart({ velocity, period }: { velocity: Velocity; period: 'daily' | 'weekly' }) {
  const { rows, x, series, total } = useMemo(() => {
    const rows = period === 'weekly' ? velocity.weekly.map((w) => ({ ...w, date: w.week })) : velocity.daily;
    const series: ChartSeries[] = kinds.map((kind) => ({
      label: kind.label,
      color: kind.color,
      values: rows.map((row) => row[kind.key]),
    }));
    const total = rows.reduce((sum, row) => sum + kinds.reduce((s, kind) => s + row[kind.key], 0), 0);
    return { rows, x: rows.map((row) => toSeconds(row.date)), series, total };
  }, [velocity, period]);
  if (rows.length === 0 || total === 0) return <Empty>Nothing learned in this period yet.</Empty>;
  const unit = period === 'weekly' ? 'week' : 'day';
  return (
    <LineChart
      x={x}
      series={series}
      label={`Learning velocity per ${unit}: ${plural(total, 'record')} over ${plural(rows.length, unit)}`}
    />
  );
}
