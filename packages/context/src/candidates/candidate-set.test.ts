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

describe('CandidateSet', () => {
  it('keeps the first find of an item, and a golden rule is the same item as its heuristic', () => {
    const set = new CandidateSet();
    set.add(candidate('golden_rule', 7, 1));
    set.add(candidate('heuristic', 7, 0.5));
    set.add(candidate('learning', 7, 0.4));
    set.add(candidate('learning', 7, 0.3));
    expect(set.list.map((c) => [c.kind, c.id, c.score])).toEqual([
      ['golden_rule', 7, 1],
      ['learning', 7, 0.4],
    ]);
  });
});
