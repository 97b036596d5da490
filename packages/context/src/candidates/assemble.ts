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
import type { Ranked } from './queries.js';
import { addBackground, addGolden, addProjectFile } from './ranked-by-place.js';
import { addScored, inProject, type Task } from './scored.js';

// Turns query rows into scored, decorated candidates, one per (kind, id), tier by tier:
//  - Tier 0: the project's context.md, and this project's heuristics and learnings that matter
//    for the task (with no task at all: its best ones).
//  - Tier 1: golden rules, most validated first.
//  - Tier 2: global knowledge that matters for the task.
//  - Tier 3: recent failures, active experiments, pending reviews.
// Tiers 0 and 2 are scored by relevance (scored.ts), the others ranked by place (ranked-by-place.ts).
// The order of the steps matters: an item found twice keeps its first candidate.

export interface Gathered {
  projectFile: { path: string; text: string } | null;
  projectHeuristics: HeuristicRow[];
  projectLearnings: LearningRow[];
  golden: Heuristic[];
  fts: {
    heuristics: Ranked<HeuristicRow>[];
    learnings: Ranked<LearningRow>[];
    decisions: Ranked<DecisionRow>[];
    invariants: Ranked<InvariantRow>[];
    assumptions: Ranked<AssumptionRow>[];
    spikes: Ranked<SpikeReportRow>[];
  };
  domain: {
    heuristics: HeuristicRow[];
    learnings: LearningRow[];
    decisions: DecisionRow[];
    invariants: InvariantRow[];
  };
  tagged: LearningRow[];
  background: { failures: LearningRow[]; experiments: ExperimentRow[]; reviews: CeoReviewRow[] };
}

export interface AssembleContext extends Task {
  now: Date;
}

export function assembleCandidates(g: Gathered, ctx: AssembleContext): Candidate[] {
  const { now, weights } = ctx;
  const set = new CandidateSet();
  if (g.projectFile) addProjectFile(set, g.projectFile);
  addGolden(set, g.golden);

  const heuristics = [...g.fts.heuristics, ...g.domain.heuristics, ...g.projectHeuristics];
  addScored(set, ctx, heuristics, g.fts.heuristics, (h) => ({
    kind: 'heuristic',
    section: 'heuristics',
    body: itemText('heuristic', h),
    ...decorate.heuristic(h),
    dedupText: h.rule,
    project: inProject(ctx, h.project_path),
    confidence: h.confidence,
    timesValidated: h.times_validated,
    ageDays: null,
    boost: 1,
  }));
  const learnings = [...g.fts.learnings, ...g.tagged, ...g.domain.learnings, ...g.projectLearnings];
  addScored(set, ctx, learnings, g.fts.learnings, (l) => ({
    kind: 'learning',
    section: 'learnings',
    body: itemText('learning', l),
    ...decorate.learning(now, l),
    dedupText: null,
    project: inProject(ctx, l.project_path),
    confidence: l.severity / 5,
    timesValidated: 0,
    ageDays: ageDays(now, l.created_at),
    boost: l.type === 'failure' ? weights.failureBoost : 1,
  }));

  const global = { dedupText: null, project: false, timesValidated: 0, ageDays: null, boost: 1 } as const;
  addScored(set, ctx, [...g.fts.decisions, ...g.domain.decisions], g.fts.decisions, (d) => ({
    ...global,
    kind: 'decision',
    section: 'decisions',
    body: itemText('decision', d),
    ...decorate.plain(),
    confidence: null,
  }));
  addScored(set, ctx, [...g.fts.invariants, ...g.domain.invariants], g.fts.invariants, (i) => ({
    ...global,
    kind: 'invariant',
    section: 'invariants',
    body: itemText('invariant', i),
    ...decorate.invariant(i),
    confidence: null,
    boost: i.status === 'violated' ? weights.violatedBoost : 1,
    warning: i.status === 'violated',
  }));
  // Active assumptions only when held with confidence ≥ 0.6; challenged ones always, as warnings.
  const assumptions = g.fts.assumptions.filter((a) => a.status !== 'active' || a.confidence >= 0.6);
  addScored(set, ctx, assumptions, g.fts.assumptions, (a) => ({
    ...global,
    kind: 'assumption',
    section: 'assumptions',
    body: itemText('assumption', a),
    ...decorate.assumption(a),
    confidence: a.status === 'active' ? a.confidence : 1 - a.confidence,
    timesValidated: a.verified_count,
    warning: a.status !== 'active',
  }));
  addScored(set, ctx, g.fts.spikes, g.fts.spikes, (s) => ({
    ...global,
    kind: 'spike_report',
    section: 'spikes',
    body: itemText('spike_report', s),
    ...decorate.plain(),
    confidence: s.usefulness_score > 0 ? s.usefulness_score / 5 : null,
  }));

  addBackground(set, now, g.background);
  return set.list;
}
