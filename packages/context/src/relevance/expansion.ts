import { itemText, stemSet } from '@elf/core';
import type { Gathered } from '../candidates/assemble.js';
import { idf, type TermWeights, weightedCoverage } from './coverage.js';

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

/** Stems of the strongest matches that the task does not have, with how many matches use each. */
export function feedbackStems(
  fts: Gathered['fts'],
  weights: TermWeights,
  settings: ExpansionSettings,
): Map<string, number> {
  const bodies = [
    ...fts.heuristics.map((h) => `${itemText('heuristic', h)} ${h.explanation ?? ''}`),
    ...fts.learnings.map((l) => itemText('learning', l)),
    ...fts.decisions.map((d) => `${itemText('decision', d)} ${d.rationale}`),
    ...fts.invariants.map((i) => `${itemText('invariant', i)} ${i.rationale}`),
    ...fts.spikes.map((s) => itemText('spike_report', s)),
  ];
  const strongest = bodies
    .map((body) => ({ body, coverage: weightedCoverage(weights, body) }))
    .filter((d) => d.coverage >= settings.minCoverage)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, settings.documents);
  const counts = new Map<string, number>();
  for (const { body } of strongest) {
    for (const stem of stemSet(body))
      if (!weights.has(stem) && stem.length > 2) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
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
