import { fillPageStatements, pageHitsQuery } from './page-index.js';
import { generationsQuery, rankedQuery, type SearchKind, searchKinds, termScoresQuery } from './search-statements.js';

/**
 * Every statement a search runs that reads a real table, with representative parameters, for
 * EXPLAIN checks (the page statements read the TEMP scratch index: createPageIndexes first).
 */
export function searchQueries(phrases: readonly string[], take: number, kinds: readonly SearchKind[] = searchKinds) {
  const match = phrases.join(' OR ');
  const [, pageRows] = fillPageStatements(new Map(kinds.map((kind) => [kind, [1, 2]])));
  return [
    { name: 'search generations', query: generationsQuery(kinds) },
    ...kinds.flatMap((kind) => [
      { name: `search ${kind}`, query: rankedQuery(kind, match, take) },
      { name: `search ${kind} phrase scores`, query: termScoresQuery(kind, phrases) },
    ]),
    ...(pageRows ? [{ name: 'search page rows', query: pageRows }] : []),
    { name: 'search page hits', query: pageHitsQuery(match) },
  ];
}
