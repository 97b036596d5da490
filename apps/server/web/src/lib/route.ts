import { useEffect, useState } from 'preact/hooks';

// Hash routing: everything a view shows is in the URL (`#/heuristics?domain=x&offset=50`), so a
// view can be linked, reloaded and walked through with the browser's back button.

export interface Route {
  /** Path segments after `#/`: `['heuristics', '12']`; `[]` for the start page. */
  path: string[];
  query: URLSearchParams;
}

export type QueryValues = Record<string, string | number | boolean | null | undefined>;

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const mark = text.indexOf('?');
  const pathText = mark === -1 ? text : text.slice(0, mark);
  const path = pathText
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  return { path, query: new URLSearchParams(mark === -1 ? '' : text.slice(mark + 1)) };
}

/** `#/heuristics?domain=x`: empty and undefined values are left out. */
export function href(path: string, query: QueryValues = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return `#/${path}${text === '' ? '' : `?${text}`}`;
}

/** The current query with some values changed (null/'' removes them). */
export function hrefWith(route: Route, changes: QueryValues): string {
  const values: QueryValues = Object.fromEntries(route.query.entries());
  return href(route.path.map(encodeURIComponent).join('/'), { ...values, ...changes });
}

export function navigate(target: string): void {
  if (window.location.hash !== target) window.location.hash = target;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** A whole number from the query, or the fallback when absent or not a number. */
export function intParam(route: Route, name: string, fallback: number): number {
  const value = Number.parseInt(route.query.get(name) ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}
