import {
  clamp,
  count,
  fitText,
  legacyDomain,
  legacyTags,
  legacyText,
  legacyTimestamp,
  oneOf,
} from './legacy-values.js';

// How a column of ours is read from a row of the original ELF: most tables are nothing but a list
// of these (see map-rows.ts), so each reading is written once.

export type Row = Record<string, unknown>;

/** Reads one of our columns from the original's value of the same name (its whole row and the import's time at hand). */
export type Column = (value: unknown, row: Row, now: string) => unknown;

export const kept: Column = (value) => value;
export const keptOrNull: Column = (value) => value ?? null;
export const text: Column = legacyText;
export const timestamp: Column = legacyTimestamp;
export const counter: Column = count;
export const domainOrNull: Column = legacyDomain;
export const tags: Column = legacyTags;
export const flag: Column = (value) => (value ? 1 : 0);
/** A link to another row of the same kind; anything but an integer id is dropped. */
export const idOrNull: Column = (value) => (Number.isInteger(value) ? value : null);
/** Required text the original did not always fill in. */
export const textOrUnrecorded: Column = (value) => legacyText(value) ?? '(not recorded)';
/** A date, or the import's time when the original has none. */
export const timestampOrNow: Column = (value, _row, now) => legacyTimestamp(value) ?? now;

/** A JSON list as stored, or a comma-separated list made one. */
export const jsonList: Column = (value) => {
  const listed = legacyText(value);
  if (listed === null) return null;
  try {
    JSON.parse(listed);
    return listed;
  } catch {
    return JSON.stringify(
      listed
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );
  }
};

/** Text cut to fit our column (at a word, with "…"); none becomes empty. */
export function fitted(max: number): Column {
  return (value) => fitText(legacyText(value) ?? '', max).text;
}

export function choice<T extends string>(allowed: readonly T[], fallback: T): Column {
  return (value) => oneOf(value, allowed, fallback);
}

export function between(min: number, max: number, fallback: number): Column {
  return (value) => clamp(value, min, max, fallback);
}

/** created_at as given (else the import's time) and updated_at as given (else created_at). */
export const dated: Record<'created_at' | 'updated_at', Column> = {
  created_at: timestampOrNow,
  updated_at: (value, row, now) => legacyTimestamp(value) ?? legacyTimestamp(row.created_at) ?? now,
};

/** A row of ours: each column read from the original's value of the same name. */
export function readColumns(row: Row, now: string, columns: Record<string, Column>): Row {
  const out: Row = {};
  for (const [name, read] of Object.entries(columns)) out[name] = read(row[name], row, now);
  return out;
}
