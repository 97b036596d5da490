import { describe, expect, it } from 'vitest';
import { compareRules, duplicateJaccard, isNegative, jaccard, ruleSignature, sameRule } from './same-rule.js';
import { wordSet } from './words.js';

describe('wordSet and jaccard', () => {
  it('compares word sets', () => {
    expect(wordSet('Pin all the versions, pin!')).toEqual(new Set(['pin', 'all', 'the', 'versions']));
    expect(jaccard(wordSet('a b c d'), wordSet('a b c d e'))).toBe(0.8);
    expect(jaccard(wordSet('a b c d'), wordSet('a b c d e f'))).toBeCloseTo(4 / 6);
    expect(jaccard(new Set(), new Set())).toBe(1);
    expect(duplicateJaccard).toBe(0.8);
  });
});

describe('containment', () => {
  it('needs at least 4 content words in the shorter rule, 90 % of them in the other', () => {
    const short = 'Run database migrations inside a transaction';
    expect(sameRule(short, 'Always run database migrations inside one transaction in production')).toBe('contained');
    // Only 3 content words: never a containment match, however long the other.
    expect(sameRule('Squash small commits', 'Squash small commits before any review please')).toBeNull();
    // 4 of 5 content words is 80 %: not enough.
    expect(sameRule(short, 'Run database migrations inside workers')).toBeNull();
  });
});

describe('sameRule', () => {
  it('names the closest kind of match, or null', () => {
    expect(sameRule('Pin all the versions.', 'pin ALL the versions')).toBe('same-text');
    expect(sameRule('pin all the versions', 'pin all the versions now')).toBe('similar-words');
    expect(sameRule('pin all the versions', 'pin all the versions right now')).toBeNull();
    expect(
      sameRule(
        'Run database migrations inside a transaction with a lock timeout',
        'Always run database migrations inside a transaction with lock timeout set explicitly in production',
      ),
    ).toBe('contained');
  });

  it('gives the same answer from signatures computed once', () => {
    const pairs: Array<[string, string]> = [
      ['Pin all the versions.', 'pin ALL the versions'],
      ['pin all the versions', 'pin all the versions right now'],
      ['Use mocks for the payment gateway', 'Do not use mocks for the payment gateway'],
    ];
    for (const [a, b] of pairs) expect(compareRules(ruleSignature(a), ruleSignature(b))).toBe(sameRule(a, b));
  });
});

describe('a rule and its negation', () => {
  it('are never the same rule, however many words they share', () => {
    expect(
      sameRule(
        'Use mocks for the payment gateway in unit tests',
        'Do not use mocks for the payment gateway in unit tests',
      ),
    ).toBeNull();
    expect(
      sameRule('Run database migrations inside a transaction', 'Never run database migrations inside a transaction'),
    ).toBeNull();
    expect(sameRule('Always squash commits before merging', 'Don’t squash commits before merging')).toBeNull();
    // The example: 10 of 12 words shared (Jaccard 0.83), opposite meaning.
    expect(
      sameRule(
        'Always run the full test suite before you push to main',
        'Never run the full test suite before you push to main',
      ),
    ).toBeNull();
    // Two prohibitions worded differently are still the same rule.
    expect(sameRule('Never force-push to main', 'never force push to main!')).toBe('same-text');
    expect(isNegative('Avoid global state in tests')).toBe(true);
    expect(isNegative('Notify the on-call engineer')).toBe(false);
  });
});
