import { describe, expect, it } from 'vitest';
import { sliceScenarios } from './run-repeat-mistakes.js';
import type { Scenario } from './scenario.js';

const corpus: Scenario[] = ['api', 'ci', 'db'].flatMap((domain) =>
  ['01', '02', '03', '04'].map((n) => ({
    id: `${domain}-${n}`,
    domain,
    type: n === '04' ? 'wrong' : 'repeat',
    learnedBy: 'marker',
    lessonKind: 'heuristic',
    variation: ['symptom'],
    sessions: [],
  })),
);

describe('sliceScenarios', () => {
  it('takes each domain in turn and, from each, the next kind of scenario', () => {
    expect(sliceScenarios(corpus, 3).map((s) => s.id)).toEqual(['api-01', 'ci-02', 'db-03']);
    expect(sliceScenarios(corpus, 6).map((s) => s.id)).toEqual([
      'api-01',
      'ci-02',
      'db-03',
      'api-02',
      'ci-03',
      'db-04',
    ]);
  });
  it('never takes one twice, and takes all when asked for as many or more', () => {
    const eleven = sliceScenarios(corpus, 11).map((s) => s.id);
    expect(new Set(eleven).size).toBe(11);
    expect(sliceScenarios(corpus, 40)).toHaveLength(12);
  });
});
