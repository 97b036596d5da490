import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchKind } from './search-statements.js';
import { compareHits, offerSums, parseTermScores, type RankedHit, TopHits } from './top-hits.js';

const kinds: SearchKind[] = ['heuristic', 'learning', 'decision'];
const hit = fc.record({
  kind: fc.constantFrom(...kinds),
  id: fc.integer({ min: 1, max: 30 }),
  // Few distinct scores, so ties (broken by id, then kind order) are common.
  score: fc.constantFrom(-3.5, -2, -2, -1.25, -0.5),
});

describe('TopHits', () => {
  it('keeps exactly the best `take` hits in order, as sorting all of them would', () => {
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (offered, take) => {
        const unique = [...new Map(offered.map((h) => [`${h.kind}:${h.id}`, h])).values()];
        const top = new TopHits(take, kinds);
        for (const h of unique) top.offer(h.kind, h.id, h.score);
        const order = new Map(kinds.map((kind, i) => [kind, i]));
        const sorted = [...unique].sort((a, b) => compareHits(a, b, order)).slice(0, take);
        expect(top.hits).toEqual(sorted);
      }),
    );
  });

  it('breaks ties by id, then by the order the kinds were asked for', () => {
    const top = new TopHits(3, ['learning', 'heuristic']);
    const offered: RankedHit[] = [
      { kind: 'learning', id: 7, score: -1 },
      { kind: 'heuristic', id: 7, score: -1 },
      { kind: 'heuristic', id: 2, score: -1 },
      { kind: 'learning', id: 9, score: -1 },
    ];
    for (const h of offered) top.offer(h.kind, h.id, h.score);
    expect(top.hits.map((h) => `${h.kind}:${h.id}`)).toEqual(['heuristic:2', 'learning:7', 'heuristic:7']);
  });
});

describe('offerSums', () => {
  it('adds each document’s phrase scores in phrase order and leaves the scratch space zeroed', () => {
    const phrases = [parseTermScores('[1,4]', '[-0.1,-0.2]'), parseTermScores('[4,9]', '[-0.7,-0.3]')];
    const scratch = new Float64Array(10);
    const top = new TopHits(10, ['learning']);
    offerSums('learning', phrases, scratch, top);
    expect(top.hits).toEqual([
      { kind: 'learning', id: 4, score: -0.2 + -0.7 },
      { kind: 'learning', id: 9, score: -0.3 },
      { kind: 'learning', id: 1, score: -0.1 },
    ]);
    expect([...scratch].every((x) => x === 0)).toBe(true);
    const inMap = new TopHits(10, ['learning']);
    offerSums('learning', phrases, null, inMap);
    expect(inMap.hits).toEqual(top.hits);
  });
});

describe('parseTermScores', () => {
  it('keeps each score with its document and notes the largest id', () => {
    expect(parseTermScores('[9,2,5]', '[-1.5,-2.5,-3.5]')).toEqual({
      ids: [9, 2, 5],
      scores: [-1.5, -2.5, -3.5],
      maxId: 9,
    });
    expect(parseTermScores('[]', '[]')).toEqual({ ids: [], scores: [], maxId: 0 });
  });
});
