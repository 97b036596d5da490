import type { Candidate, OmittedItem } from '../candidates/candidate.js';
import type { RelevanceWeights, Tier } from '../config.js';
import { dropNearDuplicates } from '../pack/packer.js';
import type { BuildOptions } from './input.js';

export interface Selection {
  /** What goes on to packing. */
  kept: Candidate[];
  /** Seen before or not asked for. */
  skipped: OmittedItem[];
  duplicates: Candidate[];
  lowRelevance: Candidate[];
}

/** Candidates whose score is a relevance to the task (project items and tier 2); the rest keep their order. */
const scored = (c: Candidate) => (c.tier === 0 && c.kind !== 'project_context') || c.tier === 2;

/**
 * What is worth packing: what the reader has not seen and asked for (left out before the
 * relevance cut-offs, so the budget goes to what is new), relevant enough — above the floor and
 * at least `relativeMinScore` of the best in its tier, warnings excepted — and not the same rule
 * twice.
 */
export function selectCandidates(assembled: Candidate[], options: BuildOptions, w: RelevanceWeights): Selection {
  const { exclude, tiers } = options;
  const unwanted = (c: Candidate) =>
    exclude?.has(`${c.kind}:${c.id}`)
      ? ('already shown' as const)
      : tiers && !tiers.includes(c.tier)
        ? ('tier not requested' as const)
        : null;
  const skipped = assembled.flatMap((c) => {
    const reason = unwanted(c);
    return reason ? [{ kind: c.kind, id: c.id, reason }] : [];
  });
  const all = skipped.length === 0 ? assembled : assembled.filter((c) => unwanted(c) === null);
  // Relative to the best match of the same tier: this project's items carry a boost of their own.
  const best = (tier: Tier) => Math.max(0, ...all.filter((c) => scored(c) && c.tier === tier).map((c) => c.score));
  const bestOf: Record<Tier, number> = { 0: best(0), 1: 0, 2: best(2), 3: 0 };
  const minScore = Math.max(w.minScore, options.minScore ?? 0);
  const lowRelevance = all.filter(
    (c) => scored(c) && c.score < Math.max(minScore, c.warning ? 0 : w.relativeMinScore * bestOf[c.tier]),
  );
  const { kept, duplicates } = dropNearDuplicates(all.filter((c) => !lowRelevance.includes(c)));
  return { kept, skipped, duplicates, lowRelevance };
}
