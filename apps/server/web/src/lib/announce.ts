import { useEffect, useState } from 'preact/hooks';

// One polite live region for the outcome of actions ("Promoted #12"), read out by screen readers
// and shown as a toast.

export interface Announcement {
  id: number;
  text: string;
  tone: 'ok' | 'error';
}

let last: Announcement | null = null;
let counter = 0;
const listeners = new Set<(a: Announcement | null) => void>();

export function announce(text: string, tone: Announcement['tone'] = 'ok'): void {
  counter += 1;
  last = { id: counter, text, tone };
  for (const listener of listeners) listener(last);
}

export function useAnnouncement(): Announcement | null {
  const [value, setValue] = useState(last);
  useEffect(() => {
    listeners.add(setValue);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return value;
}
