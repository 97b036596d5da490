import { type Heuristic, itemText } from '@elf/core';
import type {
  AssumptionRow,
  CeoReviewRow,
  DecisionRow,
  ExperimentRow,
  HeuristicRow,
  InvariantRow,
  LearningRow,
  SpikeReportRow,
} from '@elf/schema';
import type { Candidate } from './candidate.js';
import { CandidateSet } from './candidate-set.js';
import { ageDays, decorate } from './decorate.js';
import type { Hits } from './gather.js';
import { addBackground, addProjectFile } from './ranked-by-place.js';
import { addScored, inProject, type Presentation, type ScoredItem, type Task } from './scored.js';

// Turns query rows into scored, decorated candidates, one per (kind, id). Every kind is scored
// by the same relevance (scored.ts); the tier is the layout only:
//  - "This project": the project's context.md, and heuristics and learnings learned in (or
//    scoped to) this project;
//  - "Golden rules": golden rules, by relevance (with no task: most validated first);
//  - "Relevant to this task": everything else that matches;
//  - "Background": recent failures, active experiments and pending reviews that do not match.
// The order of the steps matters: an item found twice keeps its first candidate.

/** Items found by their words, per kind (usable ones: active, applying here). */
export interface Matched {
  heuristic: HeuristicRow[];
  learning: LearningRow[];
  decision: DecisionRow[];
  invariant: InvariantRow[];
  assumption: AssumptionRow[];
  spike_report: SpikeReportRow[];
}

export interface Gathered {
  projectFile: { path: string; text: string } | null;
  projectHeuristics: HeuristicRow[];
  projectLearnings: LearningRow[];
  golden: Heuristic[];
  /** Items holding the task's words (first round) or the words its strongest matches share (second). */
  matched: Matched;
  hits: Hits;
  /** Heuristics reached from a matching learning (learned from it, or recorded beside it): their text relevance. */
  bridges: Map<number, number>;
  domain: {
    heuristics: HeuristicRow[];
    learnings: LearningRow[];
    decisions: DecisionRow[];
    invariants: InvariantRow[];
  };
  tagged: LearningRow[];
  background: { failures: LearningRow[]; experiments: ExperimentRow[]; reviews: CeoReviewRow[] };
}

export interface AssembleContext extends Omit<Task, 'hits' | 'bridges'> {
  now: Date;
  /** How many of the best-scored candidates go on to selection and packing (all are scored). */
  limit: number;
}

type HeuristicFields = Pick<
  HeuristicRow,
  'rule' | 'explanation' | 'domain' | 'confidence' | 'times_validated' | 'project_path' | 'origin_path'
>;

const heuristicItem = (ctx: Task, h: HeuristicFields): ScoredItem => ({
  matchKind: 'heuristic',
  project: inProject(ctx, h.project_path, h.origin_path),
  confidence: h.confidence,
  timesValidated: h.times_validated,
  ageDays: null,
  boost: 1,
});

const shownHeuristic = (h: HeuristicFields & Pick<HeuristicRow, 'times_validated'>): Presentation => ({
  section: 'heuristics',
  body: itemText('heuristic', h),
  ...decorate.heuristic(h),
  dedupText: h.rule,
});

const plain = (section: Presentation['section'], body: string): Presentation => ({
  section,
  body,
  ...decorate.plain(),
  dedupText: null,
});

export function assembleCandidates(g: Gathered, context: AssembleContext): Candidate[] {
  const { now, weights } = context;
  const ctx: Task = { ...context, hits: g.hits, bridges: g.bridges };
  const set = new CandidateSet();
  if (g.projectFile) addProjectFile(set, g.projectFile);
  addScored(
    set,
    ctx,
    'golden_rule',
    g.golden,
    (h) => ({ ...heuristicItem(ctx, h), project: false }),
    (h) => ({ section: 'golden', body: itemText('heuristic', h), ...decorate.golden(), dedupText: h.rule }),
    {
      tier: 1,
      score: (score, index) =>
        context.hasTask ? Math.max(score, weights.goldenPrior) : 1 - index / (g.golden.length + 1),
      why: 'golden rule',
    },
  );
  const m = g.matched;
  addScored(
    set,
    ctx,
    'heuristic',
    [...m.heuristic, ...g.domain.heuristics, ...g.projectHeuristics],
    (h) => heuristicItem(ctx, h),
    shownHeuristic,
  );
  const learnings = [...m.learning, ...g.tagged, ...g.domain.learnings, ...g.projectLearnings];
  addScored(
    set,
    ctx,
    'learning',
    learnings,
    (l) => ({
      matchKind: 'learning',
      project: inProject(ctx, l.project_path),
      confidence: l.severity / 5,
      timesValidated: 0,
      ageDays: ageDays(now, l),
      boost: l.type === 'failure' ? weights.failureBoost : 1,
    }),
    (l) => ({ section: 'learnings', body: itemText('learning', l), ...decorate.learning(now, l), dedupText: null }),
  );
  const global = { project: false, timesValidated: 0, ageDays: null, boost: 1 } as const;
  addScored(
    set,
    ctx,
    'decision',
    [...m.decision, ...g.domain.decisions],
    () => ({ ...global, matchKind: 'decision', confidence: null }),
    (d) => plain('decisions', itemText('decision', d)),
  );
  addScored(
    set,
    ctx,
    'invariant',
    [...m.invariant, ...g.domain.invariants],
    (i) => ({
      ...global,
      matchKind: 'invariant',
      confidence: null,
      boost: i.status === 'violated' ? weights.violatedBoost : 1,
      warning: i.status === 'violated',
    }),
    (i) => ({ section: 'invariants', body: itemText('invariant', i), ...decorate.invariant(i), dedupText: null }),
  );
  // Active assumptions only when held with confidence ≥ 0.6 (gather.ts); challenged ones as warnings.
  addScored(
    set,
    ctx,
    'assumption',
    m.assumption,
    (a) => ({
      ...global,
      matchKind: 'assumption',
      confidence: a.status === 'active' ? a.confidence : 1 - a.confidence,
      timesValidated: a.verified_count,
      warning: a.status !== 'active',
    }),
    (a) => ({ section: 'assumptions', body: itemText('assumption', a), ...decorate.assumption(a), dedupText: null }),
  );
  addScored(
    set,
    ctx,
    'spike_report',
    m.spike_report,
    (s) => ({
      ...global,
      matchKind: 'spike_report',
      confidence: s.usefulness_score > 0 ? s.usefulness_score / 5 : null,
    }),
    (s) => plain('spikes', itemText('spike_report', s)),
  );
  addBackground(set, now, g.background, weights.backgroundPrior);
  return set.best(context.limit);
}
