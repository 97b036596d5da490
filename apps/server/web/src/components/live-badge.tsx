import { useLiveStatus } from '../lib/live';

const labels = { connecting: 'Connecting…', live: 'Live', offline: 'Offline' } as const;

/** Whether the change feed is connected, i.e. whether the view updates by itself. */
export function LiveBadge() {
  const status = useLiveStatus();
  return (
    <span class={`live-badge live-${status}`} role="status" title="Updates as the database changes">
      <span class="live-dot" aria-hidden="true" />
      {labels[status]}
    </span>
  );
}
