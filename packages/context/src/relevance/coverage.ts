// Text relevance that compares across kinds of knowledge: the share of the task's information
// (its words weighted by rarity, IDF) that an item contains (candidates/scored.ts `coverage`,
// read from the items' postings). Words are Porter-stemmed and folded like the FTS5 index by
// core's text module, so "failing" matches "failed".

/** IDF weights of the task's stems that occur anywhere in the corpus (others can never match). */
export type TermWeights = ReadonlyMap<string, number>;

export function idf(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}
