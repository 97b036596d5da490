import { describe, expect, it } from 'vitest';
import { jaccard } from './same-rule.js';
import { fold, normaliseRule, wordSet, words } from './words.js';

const sample = 'Always wrap JSON.parse — in try/catch! 東京 v2';
const sampleWords = ['always', 'wrap', 'json', 'parse', 'in', 'try', 'catch', '東京', 'v2'];

describe('fold', () => {
  it('lower-cases and removes diacritics as the full-text index does', () => {
    expect(fold('Prefer naïve Café CODE')).toBe('prefer naive cafe code');
    expect(fold('plain ascii')).toBe('plain ascii');
  });
});

describe('words', () => {
  it('splits identifiers at underscores unless asked to keep them whole', () => {
    expect(words('Rename user_id to userId')).toEqual(['rename', 'user', 'id', 'to', 'userid']);
    expect(words('Rename user_id to userId', { identifiers: true })).toEqual(['rename', 'user_id', 'to', 'userid']);
  });

  it('keeps letters of every script and digits, drops punctuation', () => {
    expect(words(sample)).toEqual(sampleWords);
  });
});

describe('wordSet', () => {
  it('holds each word once, so texts that differ in case, punctuation or repeats compare equal', () => {
    expect([...wordSet(sample)]).toEqual(sampleWords);
    expect([...wordSet('Run the tests, run them all!')]).toEqual(['run', 'the', 'tests', 'them', 'all']);
    expect(jaccard(wordSet('Always run the tests'), wordSet('always RUN the tests.'))).toBe(1);
  });
});

describe('normaliseRule', () => {
  it('drops case, punctuation, diacritics and extra whitespace', () => {
    expect(normaliseRule('  Always RUN the tests,   before committing! ')).toBe(
      'always run the tests before committing',
    );
    expect(normaliseRule("Don't   push—ever.")).toBe('don t push ever');
    expect(normaliseRule('Prefer naïve Café code')).toBe('prefer naive cafe code');
    expect(normaliseRule('?!')).toBe('');
  });

  it('agrees with wordSet on what the words are', () => {
    const rule = 'Never force_push to main, never!';
    expect(new Set(normaliseRule(rule).split(' '))).toEqual(wordSet(rule));
  });
});
