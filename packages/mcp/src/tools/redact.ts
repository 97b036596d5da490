import { redactSecrets } from '@elf/core';

/**
 * Redacts every text field an agent sends, as the hooks redact what they capture: whatever is
 * stored is later shown to other agents. Returns the fields and how many secrets were replaced.
 */
export function redactFields<T extends Record<string, unknown>>(fields: T): { fields: T; redacted: number } {
  let redacted = 0;
  const clean = (value: string) => {
    const result = redactSecrets(value);
    for (const n of Object.values(result.redactions)) redacted += n;
    return result.text;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') out[key] = clean(value);
    else if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? clean(v) : v));
    else out[key] = value;
  }
  return { fields: out as T, redacted };
}

export const redactedNote = (n: number) => (n > 0 ? ` ${n} secret${n === 1 ? ' was' : 's were'} redacted.` : '');
