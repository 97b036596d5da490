import { type Heuristic, itemText } from '@elf/core';
import type { CeoReviewRow, ExperimentRow, LearningRow } from '@elf/schema';
import type { Candidate } from './candidate.js';
import type { CandidateSet } from './candidate-set.js';
import { decorate } from './decorate.js';

// The tiers whose items are ranked by their place in a list, not by relevance
// (candidates/assemble.ts): the project's context.md, golden rules, and the background.

/** Tier 0: the project's context.md, whole. */
export function addProjectFile(set: CandidateSet, file: { path: string; text: string }): void {
  set.add({
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
  });
}

/** Tier 1: golden rules in the order given (most validated first). */
export function addGolden(set: CandidateSet, golden: readonly Heuristic[]): void {
  golden.forEach((h, index) => {
    set.add({
      kind: 'golden_rule',
      id: h.id,
      tier: 1,
      section: 'golden',
      body: itemText('heuristic', h),
      bodyTokens: h.token_count,
      ...decorate.golden(),
      score: 1 - index / (golden.length + 1),
      why: `golden rule, ${h.times_validated} validations`,
      domain: h.domain,
      dedupText: h.rule,
    });
  });
}

/** Tier 3: recent failures, active experiments and pending reviews, the first of each list first. */
export function addBackground(
  set: CandidateSet,
  now: Date,
  background: { failures: LearningRow[]; experiments: ExperimentRow[]; reviews: CeoReviewRow[] },
): void {
  const { failures, experiments, reviews } = background;
  addListed(set, 'learning', 'recent_failures', 'recent failure', failures, (l) => ({
    body: itemText('learning', l),
    ...decorate.learning(now, l),
  }));
  addListed(set, 'experiment', 'experiments', 'active experiment', experiments, (e) => ({
    body: itemText('experiment', e),
    ...decorate.experiment(e),
  }));
  addListed(set, 'ceo_review', 'reviews', 'pending review', reviews, (r) => ({
    body: itemText('ceo_review', r),
    ...decorate.review(r),
  }));
}

function addListed<R extends { id: number; token_count: number | null; domain?: string | null }>(
  set: CandidateSet,
  kind: Candidate['kind'],
  section: Candidate['section'],
  why: string,
  rows: readonly R[],
  line: (row: R) => Pick<Candidate, 'body' | 'prefix' | 'suffix'>,
): void {
  rows.forEach((row, index) => {
    set.add({
      kind,
      id: row.id,
      tier: 3,
      section,
      ...line(row),
      bodyTokens: row.token_count,
      score: 1 / (index + 1),
      why,
      domain: row.domain ?? null,
      dedupText: null,
    });
  });
}
