import { ElfError } from '@elf/schema';
import * as v from 'valibot';

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const shown = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

function valueAt(input: unknown, keys: readonly unknown[]): unknown {
  let value = input;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value;
}

/**
 * Validates and normalises input against a schema. On failure throws one INVALID_INPUT ElfError
 * whose message names the first offending field and its rule: `domain: must match … (got "x y!")`.
 */
export function parseInput<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input ?? {});
  if (result.success) return result.output;
  const issue = result.issues[0];
  const keys = issue.path?.map((item) => item.key) ?? [];
  const field = keys.map(String).join('.') || 'input';
  // Show what the caller passed, not the value after normalisation.
  const given = keys.length > 0 ? valueAt(input, keys) : issue.input;
  const missing = given === undefined;
  const rule = missing ? 'is required' : issue.message;
  const got = missing ? '' : ` (got ${preview(given)})`;
  throw new ElfError('INVALID_INPUT', `${field}: ${rule}${got}`, { field });
}
