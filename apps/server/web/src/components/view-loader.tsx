import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Route } from '../lib/route';
import { resolveView, type ViewProps } from '../views/registry';
import { ErrorNote, Loading } from './states';

const loaded = new Map<string, ComponentType<ViewProps>>();

/** Loads the route's view chunk once, then renders it; moves focus to its title on navigation. */
export function ViewLoader({ route }: { route: Route }) {
  const { key, entry, load } = resolveView(route);
  const [, setVersion] = useState(0);
  const [failure, setFailure] = useState<{ key: string; error: Error } | null>(null);
  const previousKey = useRef<string | null>(null);
  const View = loaded.get(key);

  useEffect(() => {
    if (!load || loaded.has(key)) return;
    let cancelled = false;
    load().then(
      (module) => {
        loaded.set(key, module.default);
        if (!cancelled) setVersion((n) => n + 1);
      },
      (error: unknown) => {
        if (!cancelled) setFailure({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, load]);

  useEffect(() => {
    if (!View) return;
    if (previousKey.current !== null && previousKey.current !== key) {
      document.getElementById('view-title')?.focus({ preventScroll: false });
    }
    previousKey.current = key;
  }, [key, View]);

  if (!entry) {
    return (
      <section class="view" aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          Not found
        </h1>
        <p>
          There is no view called “{route.path[0]}”. <a href="#/overview">Go to the overview</a>.
        </p>
      </section>
    );
  }
  if (failure?.key === key) return <ErrorNote error={failure.error} onRetry={() => window.location.reload()} />;
  if (!View) return <Loading label={`Loading ${entry.title.toLowerCase()}…`} />;
  return <View route={route} />;
}
