import { useEffect, useState } from 'preact/hooks';
import { useAnnouncement } from '../lib/announce';

/** Shows the latest announcement for a few seconds; the region itself stays for screen readers. */
export function Toast() {
  const announcement = useAnnouncement();
  const [visible, setVisible] = useState<number | null>(null);
  useEffect(() => {
    if (!announcement) return;
    setVisible(announcement.id);
    const timer = setTimeout(() => setVisible(null), 5000);
    return () => clearTimeout(timer);
  }, [announcement]);
  const shown = announcement && visible === announcement.id;
  return (
    <div class="toast-region" aria-live="polite" aria-atomic="true">
      {shown && (
        <p class={`toast toast-${announcement.tone}`} role={announcement.tone === 'error' ? 'alert' : undefined}>
          {announcement.text}
        </p>
      )}
    </div>
  );
}
