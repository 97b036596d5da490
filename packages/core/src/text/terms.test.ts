import { describe, expect, it } from 'vitest';
import { searchTerms, stemmedTerms, stems, subjectWords } from './terms.js';

describe('searchTerms', () => {
  it('drop function words and repeats, fold diacritics, keep other scripts, cap the number', () => {
    expect(searchTerms('the the Über über café 東京')).toEqual(['uber', 'cafe', '東京']);
    expect(searchTerms(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '), 5)).toHaveLength(5);
    expect(searchTerms('the of and')).toEqual([]);
  });

  it('keep identifiers whole, so a search can match them as a phrase', () => {
    expect(searchTerms('rename the user_id column')).toEqual(['rename', 'user_id', 'column']);
  });
});

describe('stems', () => {
  it('Porter-stem content words, so inflections match', () => {
    expect(stems('failing tests')).toEqual(stems('failed test'));
    expect(stems('migrations')).toEqual(stems('migration'));
  });

  it('split identifiers into the words the index holds', () => {
    expect(stemmedTerms('user_id').map((t) => t.term)).toEqual(['user', 'id']);
  });
});

describe('subjectWords', () => {
  it('keep what a rule is about, not how it is phrased', () => {
    const rule = subjectWords('Always run migrations before you deploy, never after');
    expect(rule).toEqual(subjectWords('run migration deploy'));
    expect(rule.has('always')).toBe(false);
    // Words under three letters say little on their own.
    expect(subjectWords('go to db')).toEqual(new Set());
  });
});
