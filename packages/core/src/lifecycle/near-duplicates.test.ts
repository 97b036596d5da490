import { describe, expect, it } from 'vitest';
import { duplicateJaccard, jaccard, wordSet } from '../text/similarity.js';
import { containsMostWords, duplicateMatch, isNegative, normaliseRule } from './near-duplicates.js';

describe('normaliseRule', () => {
  it('drops case, punctuation, diacritics and extra whitespace', () => {
    expect(normaliseRule('  Always RUN the tests,   before committing! ')).toBe(
      'always run the tests before committing',
    );
    expect(normaliseRule("Don't   push—ever.")).toBe('don t push ever');
    expect(normaliseRule('Prefer naïve Café code')).toBe('prefer naive cafe code');
    expect(normaliseRule('?!')).toBe('');
  });
});

describe('wordSet and jaccard', () => {
  it('compares word sets', () => {
    expect(wordSet('Pin all the versions, pin!')).toEqual(new Set(['pin', 'all', 'the', 'versions']));
    expect(jaccard(wordSet('a b c d'), wordSet('a b c d e'))).toBe(0.8);
    expect(jaccard(wordSet('a b c d'), wordSet('a b c d e f'))).toBeCloseTo(4 / 6);
    expect(jaccard(new Set(), new Set())).toBe(1);
    expect(duplicateJaccard).toBe(0.8);
  });
});

describe('containsMostWords', () => {
  it('needs at least 4 significant words in the shorter rule, 90 % of them in the other', () => {
    const short = 'Run database migrations inside a transaction';
    expect(containsMostWords(short, 'Always run database migrations inside one transaction in production')).toBe(true);
    // Only 3 significant words: never a containment match, however long the other.
    expect(containsMostWords('Squash small commits', 'Squash small commits before any review please')).toBe(false);
    // 4 of 5 significant words is 80 %: not enough.
    expect(containsMostWords(short, 'Run database migrations inside workers')).toBe(false);
  });
});

describe('duplicateMatch', () => {
  it('names the closest kind of match, or null', () => {
    expect(duplicateMatch('Pin all the versions.', 'pin ALL the versions')).toBe('same-text');
    expect(duplicateMatch('pin all the versions', 'pin all the versions now')).toBe('similar-words');
    expect(duplicateMatch('pin all the versions', 'pin all the versions right now')).toBeNull();
    expect(
      duplicateMatch(
        'Run database migrations inside a transaction with a lock timeout',
        'Always run database migrations inside a transaction with lock timeout set explicitly in production',
      ),
    ).toBe('contained');
  });
});

describe('a rule and its negation', () => {
  it('are never duplicates, however many words they share', () => {
    expect(
      duplicateMatch(
        'Use mocks for the payment gateway in unit tests',
        'Do not use mocks for the payment gateway in unit tests',
      ),
    ).toBeNull();
    expect(
      duplicateMatch(
        'Run database migrations inside a transaction',
        'Never run database migrations inside a transaction',
      ),
    ).toBeNull();
    expect(duplicateMatch('Always squash commits before merging', 'Don’t squash commits before merging')).toBeNull();
    // Two prohibitions worded differently are still the same rule.
    expect(duplicateMatch('Never force-push to main', 'never force push to main!')).toBe('same-text');
    expect(isNegative('Avoid global state in tests')).toBe(true);
    expect(isNegative('Notify the on-call engineer')).toBe(false);
  });
});
