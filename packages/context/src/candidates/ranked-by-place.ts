import { itemText } from '@elf/core';
import type { CeoReviewRow, ExperimentRow, LearningRow } from '@elf/schema';
import type { Candidate } from './candidate.js';
import type { CandidateSet } from './candidate-set.js';
import { decorate } from './decorate.js';

// Candidates ranked by their place in a list, not by relevance (candidates/assemble.ts): the
// project's context.md, and the background.

/** Tier 0: the project's context.md, whole. */
export function addProjectFile(set: CandidateSet, file: { path: string; text: string }): void {
  set.add('project_context', 0, 1, () => ({
    kind: 'project_context',
    id: 0,
    tier: 0,
    section: 'project',
    body: file.text,
    bodyTokens: null,
    ...decorate.projectFile(),
    score: 1,
    why: `project file ${file.path}`,
    domain: null,
    dedupText: null,
  }));
}

/**
 * Tier 3: recent failures, active experiments and pending reviews that did not match the task,
 * at `prior` (a little less for each later one): they fill room that no match wants.
 */
export function addBackground(
  set: CandidateSet,
  now: Date,
  background: { failures: LearningRow[]; experiments: ExperimentRow[]; reviews: CeoReviewRow[] },
  prior: number,
): void {
  const { failures, experiments, reviews } = background;
  addListed(set, prior, 'learning', 'recent_failures', 'recent failure', failures, (l) => ({
    body: itemText('learning', l),
    ...decorate.learning(now, l),
  }));
  addListed(set, prior, 'experiment', 'experiments', 'active experiment', experiments, (e) => ({
    body: itemText('experiment', e),
    ...decorate.experiment(e),
  }));
  addListed(set, prior, 'ceo_review', 'reviews', 'pending review', reviews, (r) => ({
    body: itemText('ceo_review', r),
    ...decorate.review(r),
  }));
}

function addListed<R extends { id: number; token_count: number | null; domain?: string | null }>(
  set: CandidateSet,
  prior: number,
  kind: Candidate['kind'],
  section: Candidate['section'],
  why: string,
  rows: readonly R[],
  line: (row: R) => Pick<Candidate, 'body' | 'prefix' | 'suffix'>,
): void {
  rows.forEach((row, index) => {
    const score = prior * (1 - index / 100);
    set.add(kind, row.id, score, () => ({
      kind,
      id: row.id,
      tier: 3,
      section,
      ...line(row),
      bodyTokens: row.token_count,
      score,
      why,
      domain: row.domain ?? null,
      dedupText: null,
    }));
  });
}
