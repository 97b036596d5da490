import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { domain, limits, text } from './fields.js';
import { parseInput } from './parse-input.js';

const schema = v.object({ title: text(limits.title), domain });

describe('parseInput', () => {
  it('returns the normalised input', () => {
    expect(parseInput(schema, { title: ' x ', domain: 'A B' })).toEqual({ title: 'x', domain: 'a-b' });
  });

  it('throws one INVALID_INPUT ElfError naming the field, the rule and what was given', () => {
    expect(() => parseInput(schema, { title: 'x', domain: 'bad domain!' })).toThrow(
      expect.objectContaining({
        name: 'ElfError',
        code: 'INVALID_INPUT',
        field: 'domain',
        message: 'domain: must match ^[a-z0-9._-]+$ (lower-case letters, digits, ".", "_", "-") (got "bad domain!")',
      }),
    );
  });

  it('says a missing field is required and shortens long values', () => {
    expect(() => parseInput(schema, { domain: 'd' })).toThrow('title: is required');
    expect(() => parseInput(schema, { title: 'y'.repeat(600), domain: 'd' })).toThrow(
      /title: must be at most 500 characters \(got "y+\.\.\.\)$/,
    );
  });
});
