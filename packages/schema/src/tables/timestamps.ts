import type { ColumnType, Generated } from 'kysely';

/** ISO-8601 UTC text, e.g. `2026-11-26T15:40:42.123Z`. Written by core from its clock; the schema has a default. */
export type Timestamp = ColumnType<string, string | undefined, string>;
/** Integer primary key assigned by SQLite. */
export type Id = Generated<number>;
/** 0 or 1 in SQLite; core exposes it as a boolean. */
export type Flag = ColumnType<number, number | undefined, number>;
/** A column with a default: optional on insert. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
