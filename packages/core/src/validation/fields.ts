import * as v from 'valibot';
import { domainPattern, maxDomainLength, normalizeDomain } from '../text/domains.js';
import { sanitizeText } from './sanitize.js';

// Field rules shared by every record and query. The limits are the original ELF's, so data that was
// valid there is valid here. Messages state the rule; parseInput prefixes the field name.

export const limits = {
  domain: maxDomainLength,
  tags: 50,
  tag: 50,
  title: 500,
  summary: 50_000,
  rule: 500,
  explanation: 5_000,
  longText: 50_000,
  shortText: 5_000,
  name: 200,
  queryText: 10_000,
  maxLimit: 1000,
} as const;

const tagPattern = /^[\p{L}\p{N}_.+#-]+$/u;

export const domain = v.pipe(
  v.string('must be text'),
  v.transform(normalizeDomain),
  v.minLength(1, 'must not be empty'),
  v.maxLength(limits.domain, `must be at most ${limits.domain} characters`),
  v.regex(domainPattern, 'must match ^[a-z0-9._-]+$ (lower-case letters, digits, ".", "_", "-")'),
);

/** Required text: sanitised, trimmed, non-empty, bounded. */
export function text(max: number) {
  return v.pipe(
    v.string('must be text'),
    v.transform((value: string) => sanitizeText(value).trim()),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
}

/** Optional text: absent, null or blank all become null. */
export function optionalText(max: number) {
  return v.pipe(
    v.optional(v.nullable(v.string('must be text'))),
    v.transform((value: string | null | undefined) => {
      if (value === undefined || value === null) return null;
      const cleaned = sanitizeText(value).trim();
      return cleaned === '' ? null : cleaned;
    }),
    v.check((value) => value === null || value.length <= max, `must be at most ${max} characters`),
  );
}

const tagList = v.pipe(
  v.union([v.string(), v.array(v.string())], 'must be a comma-separated list of tags'),
  v.transform((value: string | string[]) => {
    const list = typeof value === 'string' ? value.split(',') : value;
    const normalized = list.map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean);
    return [...new Set(normalized)];
  }),
  v.maxLength(limits.tags, `must be at most ${limits.tags} tags`),
  v.check((list) => list.every((tag) => tag.length <= limits.tag), `each tag must be at most ${limits.tag} characters`),
  v.check(
    (list) => list.every((tag) => tagPattern.test(tag)),
    'each tag may contain only letters, digits and _ . + # -',
  ),
);

/** Tags: a comma-separated string or a list; trimmed, lower-cased, spaces → `-`, blanks dropped, deduplicated. */
export const tags = v.optional(v.nullable(tagList, []), []);

/** Non-empty tag list, for queries by tag. */
export const requiredTags = v.pipe(
  tagList,
  v.check((list) => list.length > 0, 'must name at least one tag'),
);

/**
 * A number given as a number, as text (argv gives text) matching `numeral`, or as one of `words`;
 * `allowed` says which numbers are accepted, and `rule` is the message for everything refused.
 */
function numberOrWord(
  rule: string,
  numeral: RegExp,
  allowed: (value: number) => boolean,
  words: Readonly<Record<string, number>> = {},
) {
  return v.pipe(
    v.union([v.number(), v.string()], rule),
    v.transform((value: number | string) => {
      if (typeof value === 'number') return value;
      const word = value.trim().toLowerCase();
      if (Object.hasOwn(words, word)) return words[word] as number;
      return numeral.test(value) ? Number(value) : Number.NaN;
    }),
    v.check(allowed, rule),
  );
}

/** Decimal numbers as text: `0.85`, `.5`, `3.`; the first also `-0.5`. */
const signedDecimal = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;
const unsignedDecimal = /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/** 0..1, or low / medium / high = 0.3 / 0.6 / 0.85. */
export const confidence = numberOrWord(
  'must be a number from 0 to 1 or low/medium/high',
  signedDecimal,
  (value) => Number.isFinite(value) && value >= 0 && value <= 1,
  { low: 0.3, medium: 0.6, high: 0.85 },
);

/** 1..5, or low / medium / high / critical = 2 / 3 / 4 / 5. */
export const severity = numberOrWord(
  'must be an integer from 1 to 5 or low/medium/high/critical',
  /^\s*\d+\s*$/,
  (value) => Number.isInteger(value) && value >= 1 && value <= 5,
  { low: 2, medium: 3, high: 4, critical: 5 },
);

/** An integer in [min, max]; numeric strings accepted (they come from argv). */
export function integer(min: number, max: number) {
  return numberOrWord(
    `must be an integer from ${min} to ${max}`,
    /^\s*-?\d+\s*$/,
    (value) => Number.isInteger(value) && value >= min && value <= max,
  );
}

/** A number in [min, max]; numeric strings accepted (they come from argv), words and signs are not. */
export function decimal(min: number, max: number) {
  return numberOrWord(
    `must be a number from ${min} to ${max}`,
    unsignedDecimal,
    (value) => Number.isFinite(value) && value >= min && value <= max,
  );
}

/**
 * A field that may be left out: absent and null both come out as null, so the code after parsing
 * knows one "none" and stores it as it is.
 */
export function orNull<const S extends v.GenericSchema>(schema: S) {
  return v.optional(v.nullable(schema), null);
}

/** A domain, or none: an item without a domain applies to every domain. */
export const optionalDomain = orNull(domain);

export const limit = v.optional(integer(1, limits.maxLimit), 10);
export const offset = v.optional(integer(0, Number.MAX_SAFE_INTEGER), 0);
export const id = integer(1, Number.MAX_SAFE_INTEGER);

/** One of a fixed list of values (case-insensitive). */
export function oneOf<const T extends readonly string[]>(values: T) {
  return v.pipe(
    v.string(`must be one of ${values.join(', ')}`),
    v.transform((value: string) => value.trim().toLowerCase()),
    v.picklist(values, `must be one of ${values.join(', ')}`),
  );
}

/** Query text: non-empty after trimming, at most 10,000 characters. */
export const queryText = text(limits.queryText);
