import { searchTerms } from '@elf/core';
import { stemmer } from 'stemmer';

// Text relevance that compares across kinds of knowledge: the share of the task's information
// (its words weighted by rarity, IDF) that an item contains. Words are Porter-stemmed and folded
// like the FTS5 index ('porter unicode61 remove_diacritics 2'), so "failing" matches "failed".

// Stemming is regex-heavy and the same words recur across items and builds: remember them.
const stemCache = new Map<string, string>();
const stemCacheLimit = 50_000;

/** The Porter stem of one lower-case word (memoised). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size >= stemCacheLimit) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Content words of a text (stop words dropped), folded like the index, each with its stem. */
export function termsWithStems(text: string, max = 500): Array<{ term: string; stem: string }> {
  // Fold diacritics only when there is something beyond ASCII (most text has none).
  const folded = /[^ -~\s]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  const out: Array<{ term: string; stem: string }> = [];
  for (const term of searchTerms(folded, max)) {
    for (const part of term.split('_')) if (part) out.push({ term: part, stem: stem(part) });
  }
  return out;
}

/** Stems of a text's content words, in order of first appearance. */
export function stems(text: string, max = 500): string[] {
  return [...new Set(termsWithStems(text, max).map((t) => t.stem))];
}

// Items are scored again on every build: remember the stems of recently seen texts.
const setCache = new Map<string, ReadonlySet<string>>();
const setCacheLimit = 5_000;

/** The set of a text's stems (memoised for recently seen texts). */
export function stemSet(text: string): ReadonlySet<string> {
  let set = setCache.get(text);
  if (!set) {
    set = new Set(stems(text));
    if (setCache.size >= setCacheLimit) setCache.clear();
    setCache.set(text, set);
  }
  return set;
}

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
