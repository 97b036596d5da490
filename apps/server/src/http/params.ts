import { HttpError } from './errors.js';

export interface PageParams {
  limit: number;
  offset: number;
}

type Query = (name: string) => string | undefined;

/** A whole number from a query parameter, within bounds; absent → the default. */
export function intParam(query: Query, name: string, fallback: number, min: number, max: number): number {
  const text = query(name);
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) {
    throw new HttpError(
      400,
      'INVALID_INPUT',
      `${name}: must be a whole number from ${min} to ${max} (got "${text.slice(0, 40)}")`,
      name,
    );
  }
  return value;
}

/** `limit` (1–500, default 50) and `offset` (≥ 0) of every list. */
export function pageParams(query: Query, defaultLimit = 50): PageParams {
  return { limit: intParam(query, 'limit', defaultLimit, 1, 500), offset: intParam(query, 'offset', 0, 0, 10_000_000) };
}

/** One of a closed set of words, or the default. */
export function choiceParam<const T extends string>(query: Query, name: string, choices: readonly T[], fallback: T): T;
export function choiceParam<const T extends string>(query: Query, name: string, choices: readonly T[]): T | undefined;
export function choiceParam<const T extends string>(query: Query, name: string, choices: readonly T[], fallback?: T) {
  const text = query(name);
  if (text === undefined || text === '') return fallback;
  if (!(choices as readonly string[]).includes(text)) {
    throw new HttpError(
      400,
      'INVALID_INPUT',
      `${name}: must be one of ${choices.join(', ')} (got "${text.slice(0, 40)}")`,
      name,
    );
  }
  return text as T;
}

/** A route's numeric id. */
export function idParam(text: string | undefined, name = 'id'): number {
  const value = Number(text);
  if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new HttpError(
      400,
      'INVALID_INPUT',
      `${name}: must be a positive whole number (got "${(text ?? '').slice(0, 40)}")`,
      name,
    );
  }
  return value;
}

/** A list's answer: the page, the total, and where it stands. */
export function listOf<T>(items: T[], total: number, page: PageParams) {
  return { items, total, limit: page.limit, offset: page.offset };
}
