import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getJson } from './api';
import { useLiveTick } from './live';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True while the first answer for this URL is awaited (a refetch keeps showing the old data). */
  loading: boolean;
  reload: () => void;
}

/** GETs `url` (null = nothing to fetch), again when the database changes or on `reload()`. */
export function useApi<T>(url: string | null): ApiState<T> {
  const tick = useLiveTick();
  const [manual, setManual] = useState(0);
  const [state, setState] = useState<{ url: string | null; data?: T; error?: Error }>({ url: null });
  const latest = useRef(0);

  useEffect(() => {
    if (url === null) return;
    const id = ++latest.current;
    const controller = new AbortController();
    getJson<T>(url, controller.signal).then(
      (data) => {
        if (id === latest.current) setState({ url, data });
      },
      (error: unknown) => {
        if (id !== latest.current || controller.signal.aborted) return;
        setState((previous) => ({
          url,
          ...(previous.url === url && previous.data !== undefined ? { data: previous.data } : {}),
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
    return () => controller.abort();
  }, [url, tick, manual]);

  const reload = useCallback(() => setManual((n) => n + 1), []);
  const current = state.url === url;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: url !== null && (!current || (state.data === undefined && state.error === undefined)),
    reload,
  };
}
