import { sameRule, seededRandom } from '@elf/core';
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
    filter.keep('Always run the full test suite before you push to main');
    expect(filter.isDuplicate('Never run the full test suite before you push to main')).toBe(false);
    filter.keep('Never run the full test suite before you push to main');
    expect(filter.isDuplicate('never run the full test suite before you push to main!')).toBe(true);
  });

  it('name the first kept rule a text repeats, and find rules with no words at all', () => {
    const filter = new DuplicateFilter();
    filter.keep('Pin the lockfile in CI');
    filter.keep('Validate every migration against a copy of production data');
    filter.keep('Validate each migration against a copy of the production data');
    filter.keep('!!!');
    expect(filter.firstRepeated('validate every migration against a copy of production data')).toBe(1);
    expect(filter.firstRepeated('Pin the lockfile in CI.')).toBe(0);
    expect(filter.firstRepeated('???')).toBe(3);
    expect(filter.firstRepeated('Rotate the signing keys yearly')).toBe(-1);
  });
});

describe('the indexed filter', () => {
  it('finds exactly what comparing with every kept rule finds', () => {
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const vocabulary = [
      ...'the a to of in on for and or with before after never not always use do run'.split(' '),
      ...'cache migration deadlock lockfile token refresh index query retry timeout flaky test'.split(' '),
      ...'deploy rollback schema connection pool session cookie header request worker queue'.split(' '),
    ];
    // Rules of function words and one subject: similar word sets that share no term (only the
    // prefix index finds those).
    const functionWords =
      'a an and are as at be been but by can could did do does for from had has have how i if'.split(' ');
    const subjects = vocabulary.slice(18);
    const rule = () =>
      random() < 0.4
        ? [...Array.from({ length: 8 + Math.floor(random() * 6) }, () => pick(functionWords)), pick(subjects)].join(' ')
        : Array.from({ length: 2 + Math.floor(random() * 12) }, () => pick(vocabulary)).join(' ');
    const mutate = (text: string) => {
      const words = text.split(' ');
      const at = Math.floor(random() * words.length);
      words[at] = subjects.includes(words[at] as string) ? pick(subjects) : pick(vocabulary);
      return random() < 0.5 ? words.join(' ') : `${words.join(' ')} ${pick(vocabulary)}`;
    };
    // One rule inside another: the same subjects and several more (only containment holds), or
    // some of its subjects alone.
    const extend = (text: string) =>
      `${text} ${Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(subjects)).join(' ')}`;
    const shrink = (text: string) => {
      const own = [...new Set(text.split(' ').filter((w) => subjects.includes(w)))];
      return own.length >= 5 ? own.slice(0, 4 + Math.floor(random() * (own.length - 4))).join(' ') : rule();
    };
    const variant = (text: string) => {
      const roll = random();
      return roll < 0.4 ? mutate(text) : roll < 0.7 ? extend(text) : shrink(text);
    };
    let repeats = 0;
    for (let round = 0; round < 40; round++) {
      const kept: string[] = [];
      const filter = new DuplicateFilter();
      for (let i = 0; i < 30; i++) {
        const text = kept.length > 0 && random() < 0.5 ? variant(pick(kept)) : rule();
        const expected = kept.findIndex((k) => sameRule(k, text) !== null);
        expect(filter.firstRepeated(text), text).toBe(expected);
        if (expected >= 0) repeats++;
        kept.push(text);
        filter.keep(text);
      }
    }
    // The rules must repeat each other often enough for the comparison to mean something.
    expect(repeats).toBeGreaterThan(100);
  });
});
