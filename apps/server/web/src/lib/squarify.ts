// Squarified treemap layout (Bruls, Huizing, van Wijk 2000): rectangles with areas proportional
// to the values, laid out in rows that keep aspect ratios close to 1.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Placed<T> = Rect & { item: T };

function worst(row: number[], side: number): number {
  const sum = row.reduce((a, b) => a + b, 0);
  const max = Math.max(...row);
  const min = Math.min(...row);
  const s2 = side * side;
  return Math.max((s2 * max) / (sum * sum), (sum * sum) / (s2 * min));
}

/** Lays out `items` (with a positive `value(item)`) in `bounds`, biggest first. */
export function squarify<T>(items: readonly T[], value: (item: T) => number, bounds: Rect): Placed<T>[] {
  const sorted = items.filter((item) => value(item) > 0).sort((a, b) => value(b) - value(a));
  const total = sorted.reduce((sum, item) => sum + value(item), 0);
  if (total <= 0 || bounds.width <= 0 || bounds.height <= 0) return [];
  const scale = (bounds.width * bounds.height) / total;
  const placed: Placed<T>[] = [];
  let free = { ...bounds };
  let index = 0;
  while (index < sorted.length) {
    const side = Math.min(free.width, free.height);
    const row: T[] = [];
    const areas: number[] = [];
    while (index < sorted.length) {
      const item = sorted[index] as T;
      const area = value(item) * scale;
      if (areas.length > 0 && worst([...areas, area], side) > worst(areas, side)) break;
      row.push(item);
      areas.push(area);
      index += 1;
    }
    free = placeRow(row, areas, free, placed);
  }
  return placed;
}

/** Places one row along the shorter side of `free`; returns the space left. */
function placeRow<T>(row: T[], areas: number[], free: Rect, placed: Placed<T>[]): Rect {
  const sum = areas.reduce((a, b) => a + b, 0);
  const horizontal = free.width >= free.height;
  const thickness = horizontal ? sum / free.height : sum / free.width;
  let offset = 0;
  row.forEach((item, i) => {
    const length = (areas[i] as number) / thickness;
    placed.push(
      horizontal
        ? { item, x: free.x, y: free.y + offset, width: thickness, height: length }
        : { item, x: free.x + offset, y: free.y, width: length, height: thickness },
    );
    offset += length;
  });
  return horizontal
    ? { x: free.x + thickness, y: free.y, width: free.width - thickness, height: free.height }
    : { x: free.x, y: free.y + thickness, width: free.width, height: free.height - thickness };
}
