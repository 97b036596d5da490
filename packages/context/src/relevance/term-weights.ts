import { stemmedTerms } from '@elf/core';
import type { Term } from '../candidates/gather.js';
import type { RelevanceWeights } from '../config.js';
import { idf, type TermWeights } from './coverage.js';
import { expandWeights, type FeedbackDocument, feedbackStems } from './expansion.js';

/** Document counts of stems, cached by the caller (one fts5vocab read per new stem). */
export type DocumentCounts = (stems: readonly string[]) => Promise<Map<string, number>>;

/**
 * IDF of each task stem that occurs in the corpus, and the words searched for: the task's rarest
 * while their posting lists stay within `maxPostings` (at most 12). Reading a posting list costs
 * time in proportion to its length, and common words tell items apart least.
 */
export async function taskTermWeights(
  text: string,
  documents: number,
  documentCounts: DocumentCounts,
  maxPostings: number,
): Promise<{ weights: TermWeights; terms: Term[] }> {
  const stemmed = stemmedTerms(text, 64);
  if (stemmed.length === 0) return { weights: new Map(), terms: [] };
  const counts = await documentCounts(stemmed.map((t) => t.stem));
  const weights = new Map<string, number>();
  for (const [stem, count] of counts) if (count > 0) weights.set(stem, idf(Math.max(documents, count), count));
  const word = new Map<string, string>();
  for (const t of stemmed) if (!word.has(t.stem)) word.set(t.stem, t.term);
  return { weights, terms: withinPostings([...weights.keys()], counts, word, maxPostings, 12) };
}

/** The rarest of `stems` (by document count) while their postings sum to at most `maxPostings`. */
function withinPostings(
  stems: readonly string[],
  counts: ReadonlyMap<string, number>,
  word: ReadonlyMap<string, string>,
  maxPostings: number,
  most: number,
): Term[] {
  const terms: Term[] = [];
  let postings = 0;
  for (const stem of [...stems].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))) {
    const count = counts.get(stem) ?? 0;
    if (count === 0) continue;
    if (terms.length >= most || (terms.length > 0 && postings + count > maxPostings)) break;
    terms.push({ stem, word: word.get(stem) ?? stem });
    postings += count;
  }
  return terms;
}

/**
 * The task's term weights plus words of its strongest matches (pseudo-relevance feedback), and
 * the words the second round searches for: the heaviest added ones, within the postings bound.
 */
export async function expandedTermWeights(
  strongest: readonly FeedbackDocument[],
  weights: TermWeights,
  documents: number,
  documentCounts: DocumentCounts,
  w: RelevanceWeights,
): Promise<{ weights: TermWeights; bridge: Term[] }> {
  const settings = {
    documents: w.expansionDocuments,
    minCoverage: w.feedbackMinCoverage,
    terms: w.expansionTerms,
    weight: w.expansionWeight,
  };
  if (weights.size === 0 || settings.terms === 0) return { weights, bridge: [] };
  const feedback = feedbackStems(strongest, weights, settings);
  if (feedback.size === 0) return { weights, bridge: [] };
  // Look up only the feedback words that most of the strongest matches use.
  const frequent = [...feedback.entries()]
    .sort((a, b) => b[1].uses - a[1].uses)
    .slice(0, 2 * settings.terms)
    .map(([stem]) => stem);
  const counts = await documentCounts(frequent);
  const uses = new Map([...feedback].map(([stem, f]) => [stem, f.uses]));
  const expanded = expandWeights(weights, uses, counts, documents, settings);
  const added = [...expanded.keys()].filter((stem) => !weights.has(stem));
  const word = new Map([...feedback].map(([stem, f]) => [stem, f.word]));
  // Heaviest first, then within the postings bound: withinPostings takes the rarest, which the
  // heaviest are (weight grows with IDF).
  const bridge = withinPostings(added.slice(0, w.bridgeTerms), counts, word, w.maxPostings, w.bridgeTerms);
  return { weights: expanded, bridge };
}
