import { stemSet } from '@elf/core';

// Text relevance that compares across kinds of knowledge: the share of the task's information
// (its words weighted by rarity, IDF) that an item contains. Words are Porter-stemmed and folded
// like the FTS5 index by core's text module, so "failing" matches "failed".

/** IDF weights of the task's stems that occur anywhere in the corpus (others can never match). */
export type TermWeights = ReadonlyMap<string, number>;

export function idf(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}

/** Σ idf of the task stems the text contains ÷ Σ idf of all task stems: 0..1. */
export function weightedCoverage(weights: TermWeights, text: string): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  if (total === 0) return 0;
  const own = stemSet(text);
  let covered = 0;
  for (const [stem, weight] of weights) if (own.has(stem)) covered += weight;
  return covered / total;
}

/**
 * weightedCoverage over an item's two kinds of text: what it shows (rule, title, statement) and
 * what only explains it (explanation, rationale, tags, domain). A task word found only in the
 * second counts `secondaryWeight` of its IDF: a rule's explanation usually names the symptom it
 * prevents, which is how a task describes its problem.
 */
export function fieldCoverage(weights: TermWeights, shown: string, secondary: string, secondaryWeight: number): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  if (total === 0) return 0;
  const own = stemSet(shown);
  const other = secondary ? stemSet(secondary) : null;
  let covered = 0;
  for (const [stem, weight] of weights) {
    if (own.has(stem)) covered += weight;
    else if (other?.has(stem)) covered += secondaryWeight * weight;
  }
  return covered / total;
}
