export interface TreemapNode {
  name: string;
  value: number;
  children?: TreemapNode[];
}

/**
 * Hot spots as a tree by directory: files under the folder they are in (the treemap's first level),
 * commands under "commands". Values are trail strength.
 */
export function treemapOf(
  spots: ReadonlyArray<{ location: string; location_type: string; strength: number }>,
): TreemapNode {
  const groups = new Map<string, TreemapNode[]>();
  for (const spot of spots) {
    const slash = spot.location.lastIndexOf('/');
    const group = spot.location_type === 'command' ? 'commands' : slash > 0 ? spot.location.slice(0, slash) : '.';
    const name = spot.location_type === 'command' ? spot.location : spot.location.slice(slash + 1);
    const list = groups.get(group) ?? [];
    list.push({ name, value: spot.strength });
    groups.set(group, list);
  }
  const children = [...groups].map(([name, files]) => ({
    name,
    value: Math.round(files.reduce((sum, f) => sum + f.value, 0) * 100) / 100,
    children: files,
  }));
  children.sort((a, b) => b.value - a.value);
  return { name: 'root', value: children.reduce((sum, c) => sum + c.value, 0), children };
}
