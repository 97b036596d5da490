import { describe, expect, it } from 'vitest';
import { carriesItem } from './lesson-match.js';

const rule =
  'Backfill a new NOT NULL column in batches before adding the constraint, or the migration fails on existing rows.';

describe('carriesItem', () => {
  it('finds the whole text, whatever the line breaks', () => {
    expect(carriesItem(`- [failure] x\n- ${rule.replace('in batches', 'in\nbatches')} (0.50, 0✓)`, rule)).toBe(true);
  });
  it('finds a shortened item: a prefix of 40+ characters ending in an ellipsis', () => {
    expect(carriesItem(`- ${rule.slice(0, 58)}… (0.50, 0✓)`, rule)).toBe(true);
  });
  it('does not take a shared opening for the item', () => {
    expect(carriesItem(`- ${rule.slice(0, 58)} and something else entirely`, rule)).toBe(false);
    expect(carriesItem(`- ${rule.slice(0, 30)}…`, rule)).toBe(false);
  });
  it('never matches an empty text', () => {
    expect(carriesItem('anything', '   ')).toBe(false);
  });
});
