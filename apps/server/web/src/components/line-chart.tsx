import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { themeColor, useTheme } from '../lib/theme';
import { useWidth } from '../lib/use-width';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  /** A colour custom property, e.g. `--chart-1`. */
  color: string;
}

interface LineChartProps {
  /** Unix seconds. */
  x: number[];
  series: ChartSeries[];
  label: string;
  height?: number;
  bars?: boolean;
  yRange?: [number, number];
}

/** A uPlot time chart sized to its container, redrawn in the theme's colours. */
export function LineChart({ x, series, label, height = 240, bars = false, yRange }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const theme = useTheme();

  useEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    const text = themeColor('--muted');
    const grid = themeColor('--grid');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const paths = bars ? uPlot.paths.bars?.({ size: [0.7, 24] }) : undefined;
    const chart = new uPlot(
      {
        width,
        height,
        scales: {
          x: { time: true },
          y: yRange ? { range: yRange } : { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [axis, { ...axis, size: 40 }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: themeColor(s.color),
            width: 2,
            ...(bars ? { fill: `${themeColor(s.color)}cc`, paths } : { points: { show: x.length < 40 } }),
          })),
        ],
        cursor: { points: { size: 6 } },
        legend: { live: true },
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      element,
    );
    return () => chart.destroy();
  }, [x, series, width, height, theme, bars, yRange]);

  return <div class="chart" ref={box} role="img" aria-label={label} />;
}
