import { describe, expect, it } from 'vitest';
import { normalizeDomain, toDomain } from './domains.js';

describe('domains', () => {
  it('normalise case and whitespace', () => {
    expect(normalizeDomain('  Error Handling ')).toBe('error-handling');
  });

  it('are null when empty, too long, or with characters a domain may not have', () => {
    expect(toDomain('API')).toBe('api');
    expect(toDomain('  ')).toBeNull();
    expect(toDomain('a'.repeat(101))).toBeNull();
    expect(toDomain('a'.repeat(100))).toBe('a'.repeat(100));
    expect(toDomain('db/pg')).toBeNull();
  });
});
