import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** One issue as the model should read it: the argument, then what it must be. */
function describe(issue: Issue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `${field}: required`
        : `${field}: must be ${article(issue.expected === 'int' ? 'integer' : issue.expected)} (got ${typeName(issue.input)})`;
    case 'too_small':
      return `${field}: must be at least ${String(issue.minimum)}${unit(issue.origin)}`;
    case 'too_big':
      return `${field}: must be at most ${String(issue.maximum)}${unit(issue.origin)}`;
    case 'invalid_value':
      return `${field}: must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${[...issue.path, key].join('.')}: unknown argument`).join('; ');
    default:
      return `${field}: ${issue.message}`;
  }
}

function unit(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set') return ' items';
  return '';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Number.isInteger(value)) return 'an integer';
  return typeof value === 'number' && !Number.isFinite(value) ? 'a non-finite number' : typeof value;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses a tool's arguments; a refusal is one line naming each argument at fault. */
export function parseArguments<S extends z.ZodType>(schema: S, args: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(args ?? {}, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: result.error.issues.map(describe).join('; ') };
}
