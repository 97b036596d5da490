import { useMemo, useRef } from 'preact/hooks';
import { layoutTreemap } from '../lib/treemap-layout';
import type { TreeNode } from '../lib/types-more';
import { useWidth } from '../lib/use-width';

const PALETTE = 8;

/** Where agents keep going, as nested rectangles (SVG); the list beside it carries the same data. */
export function Treemap({ root, height = 360 }: { root: TreeNode; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const { groups, cells } = useMemo(() => layoutTreemap(root, { x: 0, y: 0, width, height }), [root, width, height]);
  return (
    <div class="treemap" ref={box}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Treemap of ${cells.length} hot spots in ${groups.length} places`}
        >
          {groups.map((g) => (
            <g key={`g-${g.name}`} class="treemap-group">
              <rect x={g.x} y={g.y} width={g.width} height={g.height} rx={3} />
              {g.width > 60 && g.height > 36 && (
                <text x={g.x + 6} y={g.y + 13} class="treemap-group-label">
                  {clip(g.name, g.width - 12)}
                </text>
              )}
            </g>
          ))}
          {cells.map((c) => (
            <g key={`c-${c.path}`} class={`treemap-cell tone-${c.group % PALETTE}`}>
              <rect x={c.x + 1} y={c.y + 1} width={Math.max(0, c.width - 2)} height={Math.max(0, c.height - 2)} rx={2}>
                <title>{`${c.path}: ${c.value}`}</title>
              </rect>
              {c.width > 48 && c.height > 22 && (
                <text x={c.x + 6} y={c.y + 16} class="treemap-label">
                  {clip(c.name, c.width - 12)}
                </text>
              )}
              {c.width > 48 && c.height > 40 && (
                <text x={c.x + 6} y={c.y + 32} class="treemap-value">
                  {c.value}
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}

/** Text that fits in `room` pixels, roughly (7 px a character at the label size). */
function clip(text: string, room: number): string {
  const max = Math.floor(room / 7);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
