import type { Candidate, OmittedItem } from '../candidates/candidate.js';
import type { RelevanceWeights } from '../config.js';
import { DuplicateFilter } from '../relevance/near-duplicate.js';
import type { BuildOptions } from './input.js';

export interface Selection {
  /** What goes on to packing. */
  kept: Candidate[];
  /** Seen before or not asked for. */
  skipped: OmittedItem[];
  /** Heuristics that repeat a golden rule (packing drops other repeats as it places items). */
  duplicates: Candidate[];
  lowRelevance: Candidate[];
}

/** Candidates ranked by relevance to the task; the project file and the background are ranked by place. */
const matched = (c: Candidate) => c.kind !== 'project_context' && c.tier !== 3;

/**
 * Exempt from the cut relative to the best match: golden rules (their score never falls below
 * the golden prior), the background, and warnings (violated invariants, challenged assumptions).
 */
const exempt = (c: Candidate) => c.tier === 1 || c.tier === 3 || c.warning === true;

/**
 * What is worth packing: what the reader has not seen and asked for (left out before the
 * relevance cut-offs, so the budget goes to what is new), and relevant enough: above the floor and
 * at least `relativeMinScore` of the best match, whatever its tier; a heuristic that repeats a
 * golden rule gives way to it (packing drops other repeats as it places items).
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
  let best = 0;
  for (const c of all) if (matched(c) && c.score > best) best = c.score;
  const minScore = Math.max(w.minScore, options.minScore ?? 0);
  const floor = (c: Candidate) => (exempt(c) ? minScore : Math.max(minScore, w.relativeMinScore * best));
  const lowRelevance = all.filter((c) => c.kind !== 'project_context' && c.score < floor(c));
  const low = new Set(lowRelevance);
  const { kept, duplicates } = goldenFirst(all.filter((c) => !low.has(c)));
  return { kept, skipped, duplicates, lowRelevance };
}

/**
 * A heuristic that says the same as a golden rule gives way to it, and the golden rule takes its
 * place in the ranking (the higher of the two scores): the proven wording is the one shown.
 */
function goldenFirst(candidates: Candidate[]): { kept: Candidate[]; duplicates: Candidate[] } {
  const golden = candidates.filter((c) => c.kind === 'golden_rule' && c.dedupText !== null);
  if (golden.length === 0) return { kept: candidates, duplicates: [] };
  const { filter, texts } = goldenFilter(golden.map((g) => g.dedupText as string));
  // The filter keeps the texts in its own order; the twin is the first golden rule in ranking order.
  const byText = new Map<string, Candidate>();
  for (const g of golden) if (!byText.has(g.dedupText as string)) byText.set(g.dedupText as string, g);
  const rank = new Map(golden.map((g, i) => [g, i]));
  const duplicates: Candidate[] = [];
  for (const c of candidates) {
    if (c.kind !== 'heuristic' || c.dedupText === null) continue;
    let twin: Candidate | undefined;
    for (const at of filter.repeated(c.dedupText)) {
      const g = byText.get(texts[at] as string) as Candidate;
      if (!twin || (rank.get(g) as number) < (rank.get(twin) as number)) twin = g;
    }
    if (!twin) continue;
    duplicates.push(c);
    twin.score = Math.max(twin.score, c.score);
  }
  const dropped = new Set(duplicates);
  return { kept: candidates.filter((c) => !dropped.has(c)), duplicates };
}

let lastGolden: { texts: string[]; filter: DuplicateFilter } | undefined;

/**
 * A filter of the golden rules' texts (in text order): the same rules come back build after build,
 * ranked differently, and indexing 200 of them costs more than using them.
 */
function goldenFilter(texts: string[]): { texts: string[]; filter: DuplicateFilter } {
  const sorted = [...new Set(texts)].sort();
  const last = lastGolden;
  if (last && last.texts.length === sorted.length && last.texts.every((text, i) => text === sorted[i])) return last;
  const filter = new DuplicateFilter();
  for (const text of sorted) filter.keep(text);
  lastGolden = { texts: sorted, filter };
  return lastGolden;
}
