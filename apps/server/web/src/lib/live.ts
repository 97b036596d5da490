import { useEffect, useState } from 'preact/hooks';

// The change feed: one EventSource on /api/events for the page. On `change` events (debounced,
// several writes in a burst make one refetch) the tick moves and the visible view's data is
// fetched again.

export type LiveStatus = 'connecting' | 'live' | 'offline';

const DEBOUNCE_MS = 100;
let tick = 0;
let status: LiveStatus = 'connecting';
const tickListeners = new Set<(tick: number) => void>();
const statusListeners = new Set<(status: LiveStatus) => void>();
let source: EventSource | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener(status);
}

function changed(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    tick += 1;
    for (const listener of tickListeners) listener(tick);
  }, DEBOUNCE_MS);
}

export function startLiveUpdates(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/events');
  source.addEventListener('open', () => setStatus('live'));
  source.addEventListener('change', changed);
  // EventSource reconnects by itself; until then the dashboard says it is not live.
  source.addEventListener('error', () =>
    setStatus(source?.readyState === EventSource.CLOSED ? 'offline' : 'connecting'),
  );
}

/** Moves after each (debounced) burst of changes in the database. */
export function useLiveTick(): number {
  const [value, setValue] = useState(tick);
  useEffect(() => {
    tickListeners.add(setValue);
    return () => {
      tickListeners.delete(setValue);
    };
  }, []);
  return value;
}

export function useLiveStatus(): LiveStatus {
  const [value, setValue] = useState(status);
  useEffect(() => {
    statusListeners.add(setValue);
    setValue(status);
    return () => {
      statusListeners.delete(setValue);
    };
  }, []);
  return value;
}
