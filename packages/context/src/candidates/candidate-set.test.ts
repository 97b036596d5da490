import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate.js';
import { CandidateSet } from './candidate-set.js';

const candidate = (kind: Candidate['kind'], id: number, score: number): Candidate => ({
  kind,
  id,
  tier: 2,
  section: 'heuristics',
  body: `${kind} ${id}`,
  bodyTokens: null,
  prefix: '- ',
  suffix: '\n',
  score,
  why: '',
  domain: null,
  dedupText: null,
});

const add = (set: CandidateSet, c: Candidate) => set.add(c.kind, c.id, c.score, () => c);

describe('CandidateSet', () => {
  it('keeps the first find of an item, and a golden rule is the same item as its heuristic', () => {
    const set = new CandidateSet();
    add(set, candidate('golden_rule', 7, 1));
    add(set, candidate('heuristic', 7, 0.5));
    add(set, candidate('learning', 7, 0.4));
    add(set, candidate('learning', 7, 0.3));
    expect(set.best(10).map((c) => [c.kind, c.id, c.score])).toEqual([
      ['golden_rule', 7, 1],
      ['learning', 7, 0.4],
    ]);
  });

  it('makes only the best candidates, best first', () => {
    const set = new CandidateSet();
    let made = 0;
    for (let id = 1; id <= 50; id++)
      set.add('learning', id, id / 100, () => {
        made++;
        return candidate('learning', id, id / 100);
      });
    expect(set.size).toBe(50);
    expect(set.best(3).map((c) => c.id)).toEqual([50, 49, 48]);
    expect(made).toBe(3);
  });
});
