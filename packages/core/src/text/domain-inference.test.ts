import { describe, expect, it } from 'vitest';
import { domainCandidates, inferDomain, keywordDomains } from './domain-inference.js';

describe('domain inference', () => {
  it('maps whole words, not substrings, to domains', () => {
    expect(keywordDomains('fix the jwt login bug')).toEqual(['authentication']);
    expect(keywordDomains('the author updated the tokenizer')).toEqual([]);
    expect(keywordDomains('flaky test after the postgres migration')).toEqual(
      expect.arrayContaining(['testing', 'database']),
    );
  });

  it('offers words and two-word phrases as known-domain names', () => {
    expect(domainCandidates('Improve error handling in the payments service')).toEqual(
      expect.arrayContaining(['payments', 'error-handling']),
    );
  });

  it('gives captured text the domain its words suggest most, or none', () => {
    expect(inferDomain('the postgres migration failed: relation "orders" is missing from the schema')).toBe('database');
    expect(inferDomain('What a lovely afternoon')).toBeNull();
  });
});
