import { describe, expect, it } from 'vitest';
import { domainCandidates, keywordDomains } from './domains.js';

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
});
