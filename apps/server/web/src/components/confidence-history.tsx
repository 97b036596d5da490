import { useMemo } from 'preact/hooks';
import { formatConfidence, formatTime } from '../lib/format';
import type { HistoryEntry } from '../lib/types';
import { LineChart } from './line-chart';
import { Empty } from './states';

const Y_RANGE: [number, number] = [0, 1];

/** Confidence over time (a chart once there are two points) and every change with its reason. */
export function ConfidenceHistory({ history }: { history: HistoryEntry[] }) {
  const sorted = useMemo(() => [...history].sort((a, b) => a.at.localeCompare(b.at)), [history]);
  const chart = useMemo(
    () => ({
      x: sorted.map((h) => Date.parse(h.at) / 1000),
      series: [{ label: 'Confidence', color: '--chart-1', values: sorted.map((h) => h.newConfidence) }],
    }),
    [sorted],
  );
  if (history.length === 0) return <Empty>No confidence changes yet.</Empty>;
  return (
    <>
      {sorted.length > 1 && (
        <LineChart x={chart.x} series={chart.series} yRange={Y_RANGE} height={200} label="Confidence over time" />
      )}
      <div class="table-wrap">
        <table class="data-table" id="history-table">
          <caption class="visually-hidden">Confidence history</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Change</th>
              <th scope="col">Confidence</th>
              <th scope="col">Source</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {[...sorted].reverse().map((h, i) => (
              <tr key={`${h.at}-${i}`}>
                <td class="when">{formatTime(h.at)}</td>
                <td>
                  <span class={`badge change-${h.type}`}>{h.type}</span>
                </td>
                <td class="num">
                  {formatConfidence(h.oldConfidence)} → {formatConfidence(h.newConfidence)}
                </td>
                <td>{h.source}</td>
                <td>{h.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
