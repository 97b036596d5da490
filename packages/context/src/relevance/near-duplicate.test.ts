import { describe, expect, it } from 'vitest';
import { DuplicateFilter } from './near-duplicate.js';

describe('near-duplicates', () => {
  it('treat Jaccard ≥ 0.8 as the same rule and below as different', () => {
    const filter = new DuplicateFilter();
    filter.keep('Always run the full test suite before you push to main');
    expect(filter.isDuplicate('Always run the full test suite before you push to main!')).toBe(true);
    expect(filter.isDuplicate('Always run the full test suite before pushing to main')).toBe(false);
    expect(filter.isDuplicate('Never force-push to main')).toBe(false);
  });

  it('keep a rule and its negation, however many words they share', () => {
    const filter = new DuplicateFilter();
    expect(filter.keepUnlessDuplicate('Always run the full test suite before you push to main')).toBe(false);
    expect(filter.keepUnlessDuplicate('Never run the full test suite before you push to main')).toBe(false);
    expect(filter.keepUnlessDuplicate('never run the full test suite before you push to main!')).toBe(true);
  });
});
