import { stemmedTerms } from '@elf/core';
import { idf, type TermWeights } from './coverage.js';

// Pseudo-relevance feedback: the words of the task's strongest matches are added to the task's
// words, at a lower weight. "Kicked back to the sign-in page after leaving a tab open" matches a
// past failure about idle tabs and refresh tokens; its rarer words ("refresh", "token") then lift
// the rules about refresh tokens that never use the task's own words.

export interface ExpansionSettings {
  /** Strongest matches read, and how much of the task each must cover. */
  documents: number;
  minCoverage: number;
  /** New words added at most, and their weight relative to a task word of the same rarity. */
  terms: number;
  weight: number;
}

/** A matched item's text (what it shows and what explains it) and how much of the task it covers. */
export interface FeedbackDocument {
  text: string;
  coverage: number;
}

/**
 * Stems of the strongest matches that the task does not have, with how many matches use each
 * and a word that has that stem (what a full-text query asks for).
 */
export function feedbackStems(
  documents: readonly FeedbackDocument[],
  weights: TermWeights,
  settings: ExpansionSettings,
): Map<string, { uses: number; word: string }> {
  const strongest = documents
    .filter((d) => d.coverage >= settings.minCoverage)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, settings.documents);
  const counts = new Map<string, { uses: number; word: string }>();
  for (const { text } of strongest) {
    for (const { term, stem } of distinctStems(text)) {
      if (weights.has(stem)) continue;
      const known = counts.get(stem);
      if (known) known.uses++;
      else counts.set(stem, { uses: 1, word: term });
    }
  }
  return counts;
}

// The strongest matches of one build are often those of the last: remember their stems.
const stemsOf = new Map<string, ReadonlyArray<{ term: string; stem: string }>>();

/** A text's stems longer than two letters, each once, with the first word that has it. */
function distinctStems(text: string): ReadonlyArray<{ term: string; stem: string }> {
  let found = stemsOf.get(text);
  if (!found) {
    const seen = new Set<string>();
    found = stemmedTerms(text).filter(({ stem }) => stem.length > 2 && !seen.has(stem) && seen.add(stem));
    if (stemsOf.size >= 5_000) stemsOf.clear();
    stemsOf.set(text, found);
  }
  return found;
}

/**
 * Adds the rarest feedback stems (by IDF × share of matches using them) to the task's weights, at
 * `settings.weight` of their IDF. `documentsWith` holds each stem's document count.
 */
export function expandWeights(
  weights: TermWeights,
  feedback: ReadonlyMap<string, number>,
  documentsWith: ReadonlyMap<string, number>,
  documents: number,
  settings: ExpansionSettings,
): TermWeights {
  const added = [...feedback.entries()]
    .filter(([stem]) => (documentsWith.get(stem) ?? 0) > 0)
    .map(([stem, uses]) => {
      const df = documentsWith.get(stem) ?? 1;
      return [stem, settings.weight * idf(Math.max(documents, df), df) * (uses / settings.documents)] as const;
    })
    .sort((a, b) => b[1] - a[1])
    .slice(0, settings.terms);
  return new Map([...weights, ...added]);
}
