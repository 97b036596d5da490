import { normalizeDomain, sanitizeText } from '@elf/core';

// Lenient readers for the original ELF's values: it did not always normalise what it stored.

/** A domain in our form, or null when nothing usable is left ("error handling" → error-handling). */
export function legacyDomain(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = normalizeDomain(value)
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return cleaned === '' ? null : cleaned;
}

/** Comma-separated tags, normalised; characters we do not allow become '-'. */
export function legacyTags(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tags = [
    ...new Set(
      value
        .split(',')
        .map((tag) =>
          tag
            .trim()
            .toLowerCase()
            .replace(/\s+/g, '-')
            .replace(/[^\p{L}\p{N}_.+#-]+/gu, '-')
            .replace(/^-+|-+$/g, '')
            .slice(0, 50),
        )
        .filter(Boolean),
    ),
  ].slice(0, 50);
  return tags.length > 0 ? tags.join(',') : null;
}

/** 'YYYY-MM-DD HH:MM:SS' (SQLite's CURRENT_TIMESTAMP, UTC), ISO text, or a date → ISO-8601 UTC. */
export function legacyTimestamp(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim().replace(' ', 'T');
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : /T/.test(text) ? `${text}Z` : `${text}T00:00:00Z`;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Text, sanitised; empty → null. */
export function legacyText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = sanitizeText(String(value)).trim();
  return text === '' ? null : text;
}

/** Text cut to `max` characters at a word boundary, with "…"; returns whether it was cut. */
export function fitText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return { text: `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`, cut: true };
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function count(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export function clamp(value: unknown, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && value !== null && value !== '' ? Math.min(max, Math.max(min, n)) : fallback;
}
