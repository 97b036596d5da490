import { type Placed, type Rect, squarify } from './squarify';
import type { TreeNode } from './types-more';

export interface TreemapCell extends Rect {
  /** `dir/file`, the full location. */
  path: string;
  name: string;
  value: number;
  /** Index of its top-level group, for the colour. */
  group: number;
}

export interface TreemapGroup extends Rect {
  name: string;
  value: number;
}

const total = (node: TreeNode): number =>
  node.children && node.children.length > 0 ? node.children.reduce((sum, c) => sum + total(c), 0) : (node.value ?? 0);

const inset = (r: Rect, by: number, top = by): Rect => ({
  x: r.x + by,
  y: r.y + top,
  width: Math.max(0, r.width - 2 * by),
  height: Math.max(0, r.height - by - top),
});

/** Two levels: groups (directories) squarified in the bounds, their files squarified inside each. */
export function layoutTreemap(
  root: TreeNode,
  bounds: Rect,
  header = 18,
): { groups: TreemapGroup[]; cells: TreemapCell[] } {
  const groups: TreemapGroup[] = [];
  const cells: TreemapCell[] = [];
  const placed: Placed<TreeNode>[] = squarify(root.children ?? [], total, bounds);
  placed.forEach((g, index) => {
    groups.push({ x: g.x, y: g.y, width: g.width, height: g.height, name: g.item.name, value: total(g.item) });
    const children = g.item.children && g.item.children.length > 0 ? g.item.children : [g.item];
    const room = inset(g, 2, g.height > header * 2 ? header : 2);
    for (const c of squarify(children, total, room)) {
      const path = c.item === g.item ? g.item.name : `${g.item.name}/${c.item.name}`;
      cells.push({
        x: c.x,
        y: c.y,
        width: c.width,
        height: c.height,
        name: c.item.name,
        path,
        value: total(c.item),
        group: index,
      });
    }
  });
  return { groups, cells };
}
