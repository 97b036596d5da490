import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../text/domains.js';
import { confidence, domain, limit, optionalDomain, severity, tags } from './fields.js';

const parse = <S extends v.GenericSchema>(schema: S, input: unknown) => v.safeParse(schema, input);

describe('domain', () => {
  it('lower-cases and turns whitespace into dashes', () => {
    expect(v.parse(domain, '  Build System ')).toBe('build-system');
    expect(v.parse(domain, 'api.v2_internal')).toBe('api.v2_internal');
  });

  it('rejects anything outside ^[a-z0-9._-]+$ after normalising, empty, or over 100 characters', () => {
    for (const bad of ['bad domain!', '', '   ', 'a/b', 'ü', 'd'.repeat(101)]) {
      expect(parse(domain, bad).success, bad).toBe(false);
    }
    expect(parse(domain, 'd'.repeat(100)).success).toBe(true);
  });

  it('is idempotent, and whatever it accepts matches the stored pattern', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (raw) => {
        const result = parse(domain, raw);
        if (!result.success) return;
        expect(result.output).toMatch(/^[a-z0-9._-]{1,100}$/);
        expect(normalizeDomain(result.output)).toBe(result.output);
      }),
    );
  });
});

describe('tags', () => {
  it('accepts a comma-separated string or a list, normalises and deduplicates', () => {
    expect(v.parse(tags, ' React , react,Perf Budget,, ')).toEqual(['react', 'perf-budget']);
    expect(v.parse(tags, ['a', 'A', 'b'])).toEqual(['a', 'b']);
    expect(v.parse(tags, undefined)).toEqual([]);
    expect(v.parse(tags, null)).toEqual([]);
  });

  it('never yields more than 50 tags, a tag over 50 characters, or a blank tag', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 60 }), (list) => {
        const result = parse(tags, list);
        if (!result.success) return;
        expect(result.output.length).toBeLessThanOrEqual(50);
        for (const tag of result.output) {
          expect(tag.length).toBeGreaterThan(0);
          expect(tag.length).toBeLessThanOrEqual(50);
          expect(tag).toMatch(/^[\p{L}\p{N}_.+#-]+$/u);
        }
      }),
    );
  });
});

describe('confidence and severity words', () => {
  it('maps low/medium/high to 0.3/0.6/0.85 and accepts 0..1', () => {
    expect(['low', 'MEDIUM', 'high', '0', '1', 0.42].map((x) => v.parse(confidence, x))).toEqual([
      0.3, 0.6, 0.85, 0, 1, 0.42,
    ]);
    for (const bad of ['banana', '', '1.01', -0.5, Number.NaN, '0x1'])
      expect(parse(confidence, bad).success, String(bad)).toBe(false);
  });

  it('maps low/medium/high/critical to 2/3/4/5 and accepts integers 1..5', () => {
    expect(['low', 'medium', 'high', 'Critical', '1', 5].map((x) => v.parse(severity, x))).toEqual([2, 3, 4, 5, 1, 5]);
    for (const bad of ['weird', '0', '6', 2.5, '3.0', ''])
      expect(parse(severity, bad).success, String(bad)).toBe(false);
  });
});

describe('limit', () => {
  it('defaults to 10 and accepts 1..1000', () => {
    expect(v.parse(limit, undefined)).toBe(10);
    expect(v.parse(limit, '1000')).toBe(1000);
    for (const bad of [0, 1001, '10.5', 'all', -1]) expect(parse(limit, bad).success, String(bad)).toBe(false);
  });
});

describe('orNull', () => {
  it('gives null for a field left out or null, and checks a value like the field itself', () => {
    const item = v.object({ domain: optionalDomain });
    expect(v.parse(item, {})).toEqual({ domain: null });
    expect(v.parse(item, { domain: null })).toEqual({ domain: null });
    expect(v.parse(item, { domain: ' Build System ' })).toEqual({ domain: 'build-system' });
    expect(parse(item, { domain: 'bad domain!' }).success).toBe(false);
  });
});
