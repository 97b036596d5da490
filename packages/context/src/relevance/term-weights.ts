import { stemmedTerms } from '@elf/core';
import type { Gathered } from '../candidates/assemble.js';
import type { RelevanceWeights } from '../config.js';
import { idf, type TermWeights } from './coverage.js';
import { expandWeights, feedbackStems } from './expansion.js';

/** Document counts of stems, cached by the caller (one fts5vocab read per new stem). */
export type DocumentCounts = (stems: readonly string[]) => Promise<Map<string, number>>;

/**
 * IDF of each task stem that occurs in the corpus, and the full-text query: the task's rarest
 * words while their posting lists stay within `maxPostings` (at most 12 words). bm25 scores
 * every item a query matches, so common words would cost time without telling items apart.
 */
export async function taskTermWeights(
  text: string,
  documents: number,
  documentCounts: DocumentCounts,
  maxPostings: number,
): Promise<{ weights: TermWeights; match: string | null }> {
  const terms = stemmedTerms(text, 64);
  if (terms.length === 0) return { weights: new Map(), match: null };
  const counts = await documentCounts(terms.map((t) => t.stem));
  const weights = new Map<string, number>();
  for (const [stem, count] of counts) if (count > 0) weights.set(stem, idf(Math.max(documents, count), count));
  const byRarity = [...counts.entries()].filter(([, count]) => count > 0).sort((a, b) => a[1] - b[1]);
  const chosen = new Set<string>();
  let postings = 0;
  for (const [stem, count] of byRarity) {
    if (chosen.size >= 12 || (chosen.size > 0 && postings + count > maxPostings)) break;
    chosen.add(stem);
    postings += count;
  }
  const words = [...new Set(terms.filter((t) => chosen.has(t.stem)).map((t) => t.term))];
  return { weights, match: words.length > 0 ? words.map((word) => `"${word}"`).join(' OR ') : null };
}

/**
 * The task's term weights plus words of its strongest matches (pseudo-relevance feedback), and
 * the added stems, heaviest first.
 */
export async function expandedTermWeights(
  gathered: Gathered,
  weights: TermWeights,
  documents: number,
  documentCounts: DocumentCounts,
  w: RelevanceWeights,
): Promise<{ weights: TermWeights; added: string[] }> {
  const settings = {
    documents: w.expansionDocuments,
    minCoverage: w.feedbackMinCoverage,
    terms: w.expansionTerms,
    weight: w.expansionWeight,
  };
  if (weights.size === 0 || settings.terms === 0) return { weights, added: [] };
  const feedback = feedbackStems(gathered.fts, weights, settings);
  if (feedback.size === 0) return { weights, added: [] };
  // Look up only the feedback words that most of the strongest matches use.
  const frequent = [...feedback.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2 * settings.terms)
    .map(([stem]) => stem);
  const expanded = expandWeights(weights, feedback, await documentCounts(frequent), documents, settings);
  return { weights: expanded, added: [...expanded.keys()].filter((stem) => !weights.has(stem)) };
}
