import type { ComponentType } from 'preact';
import type { Route } from '../lib/route';

// Every view is its own chunk (a dynamic import each), fetched when first shown.

export interface ViewProps {
  route: Route;
}
export type ViewModule = { default: ComponentType<ViewProps> };

export interface ViewEntry {
  name: string;
  title: string;
  icon: string;
  load: () => Promise<ViewModule>;
  /** The view of `#/<name>/<id>`, when it has one. */
  loadDetail?: () => Promise<ViewModule>;
}

export const views: ViewEntry[] = [
  { name: 'overview', title: 'Overview', icon: '◎', load: () => import('./overview') },
  {
    name: 'heuristics',
    title: 'Heuristics',
    icon: '⚖',
    load: () => import('./heuristics'),
    loadDetail: () => import('./heuristic-detail'),
  },
  { name: 'golden', title: 'Golden rules', icon: '★', load: () => import('./golden') },
  { name: 'learnings', title: 'Learnings', icon: '☰', load: () => import('./learnings') },
  { name: 'hotspots', title: 'Hot spots', icon: '▦', load: () => import('./hotspots') },
  { name: 'search', title: 'Search', icon: '⌕', load: () => import('./search') },
  { name: 'context', title: 'Context preview', icon: '❏', load: () => import('./context') },
  {
    name: 'sessions',
    title: 'Sessions',
    icon: '◷',
    load: () => import('./sessions'),
    loadDetail: () => import('./session-detail'),
  },
  { name: 'queries', title: 'Slow queries', icon: '▤', load: () => import('./queries') },
];

export interface ResolvedView {
  /** Which module: `heuristics` or `heuristics/detail`. */
  key: string;
  entry: ViewEntry | undefined;
  load: (() => Promise<ViewModule>) | undefined;
}

export function resolveView(route: Route): ResolvedView {
  const name = route.path[0] ?? 'overview';
  const entry = views.find((view) => view.name === name);
  if (entry && route.path.length > 1 && entry.loadDetail) {
    return { key: `${name}/detail`, entry, load: entry.loadDetail };
  }
  return { key: name, entry, load: entry?.load };
}
