import { useEffect, useState } from 'preact/hooks';

/**
 * A form's field values, starting from (and reset to) `initial` whenever the URL state behind
 * it changes: the URL is the truth, the form a draft of the next URL.
 */
export function useFields<T extends Record<string, string>>(initial: T) {
  const key = JSON.stringify(initial);
  const [fields, setFields] = useState<T>(initial);
  useEffect(() => setFields(initial), [key]);
  const set = (name: keyof T) => (event: Event) =>
    setFields((previous) => ({ ...previous, [name]: (event.currentTarget as HTMLInputElement).value }));
  return { fields, set };
}
