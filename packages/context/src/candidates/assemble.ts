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
import { addBackground, addProjectFile } from './ranked-by-place.js';
import { addScored, inProject, type ScoredItem, type Task } from './scored.js';

// Turns query rows into scored, decorated candidates, one per (kind, id). Every kind is scored
// by the same relevance (scored.ts); the tier is the layout only:
//  - "This project": the project's context.md, and heuristics and learnings learned in (or
//    scoped to) this project;
//  - "Golden rules": golden rules, by relevance (with no task: most validated first);
//  - "Relevant to this task": everything else that matches;
//  - "Background": recent failures, active experiments and pending reviews that do not match.
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
  /** Second round: matches of the words the strongest first-round matches share (symptom → cause). */
  bridged: { heuristics: Ranked<HeuristicRow>[]; learnings: Ranked<LearningRow>[] };
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
  /** Whether there is a task (text, tags or domain): without one golden rules lead, most validated first. */
  hasTask: boolean;
}

const heuristicItem = (
  ctx: AssembleContext,
  h: Pick<HeuristicRow, 'rule' | 'explanation' | 'domain' | 'confidence' | 'times_validated' | 'project_path'>,
): ScoredItem => ({
  kind: 'heuristic',
  section: 'heuristics',
  body: itemText('heuristic', h),
  secondary: `${h.explanation ?? ''} ${h.domain}`,
  ...decorate.heuristic(h),
  dedupText: h.rule,
  project: inProject(ctx, h.project_path),
  confidence: h.confidence,
  timesValidated: h.times_validated,
  ageDays: null,
  boost: 1,
});

export function assembleCandidates(g: Gathered, ctx: AssembleContext): Candidate[] {
  const { now, weights } = ctx;
  const set = new CandidateSet();
  if (g.projectFile) addProjectFile(set, g.projectFile);
  const goldenRanks = g.fts.heuristics.filter((h) => h.is_golden === 1);
  addScored(
    set,
    ctx,
    g.golden,
    goldenRanks,
    (h) => ({ ...heuristicItem(ctx, h), kind: 'golden_rule', section: 'golden', ...decorate.golden(), project: false }),
    {
      tier: 1,
      score: (score, index) => (ctx.hasTask ? Math.max(score, weights.goldenPrior) : 1 - index / (g.golden.length + 1)),
    },
  );
  // bm25 is read from the first round only: the second round's ranks answer another query.
  const heuristics = [...g.fts.heuristics, ...g.bridged.heuristics, ...g.domain.heuristics, ...g.projectHeuristics];
  addScored(set, ctx, heuristics, g.fts.heuristics, (h) => heuristicItem(ctx, h));
  const learnings = [
    ...g.fts.learnings,
    ...g.bridged.learnings,
    ...g.tagged,
    ...g.domain.learnings,
    ...g.projectLearnings,
  ];
  addScored(set, ctx, learnings, g.fts.learnings, (l) => ({
    kind: 'learning',
    section: 'learnings',
    body: itemText('learning', l),
    secondary: `${l.tags ?? ''} ${l.domain}`,
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
    secondary: `${d.context} ${d.rationale} ${d.domain ?? ''}`,
    ...decorate.plain(),
    confidence: null,
  }));
  addScored(set, ctx, [...g.fts.invariants, ...g.domain.invariants], g.fts.invariants, (i) => ({
    ...global,
    kind: 'invariant',
    section: 'invariants',
    body: itemText('invariant', i),
    secondary: `${i.rationale} ${i.domain ?? ''}`,
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
    secondary: `${a.context ?? ''} ${a.domain ?? ''}`,
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
    secondary: s.domain ?? '',
    ...decorate.plain(),
    confidence: s.usefulness_score > 0 ? s.usefulness_score / 5 : null,
  }));
  addBackground(set, now, g.background, weights.backgroundPrior);
  return set.list;
}
