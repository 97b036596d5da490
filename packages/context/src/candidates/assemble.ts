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
import type { RelevanceWeights } from '../config.js';
import { type TermWeights, weightedCoverage } from '../relevance/coverage.js';
import { relevance } from '../relevance/score.js';
import type { Candidate } from './candidate.js';
import { ageDays, decorate } from './decorate.js';
import type { Ranked } from './queries.js';

// Turns query rows into scored, decorated candidates, one per (kind, id).
//  - Tier 0: the project's context.md, and this project's heuristics and learnings that matter
//    for the task (with no task at all: its best ones).
//  - Tier 1: golden rules, most validated first.
//  - Tier 2: global knowledge that matters for the task.
//  - Tier 3: recent failures, active experiments, pending reviews.

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

export interface AssembleContext {
  now: Date;
  domains: ReadonlySet<string>;
  /** IDF weights of the task's stems (text and tags), for weighted term coverage. */
  termWeights: TermWeights;
  projectPath: string | null;
  weights: RelevanceWeights;
}

export function assembleCandidates(g: Gathered, ctx: AssembleContext): Candidate[] {
  const { now, domains, termWeights, projectPath, weights } = ctx;
  const hasTask = termWeights.size > 0 || domains.size > 0;
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (candidate: Candidate) => {
    const key = `${candidate.kind === 'golden_rule' ? 'heuristic' : candidate.kind}:${candidate.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(candidate);
  };
  const inProject = (path: string | null) => path !== null && path === projectPath;
  const domainMatch = (domain: string | null, project: boolean) =>
    project && !hasTask ? 1 : domain === null ? weights.anyDomain : domains.has(domain) ? 1 : 0;
  // Text relevance: IDF-weighted coverage of the task's words (comparable across kinds), scaled by
  // bm25 relative to the best match of the same kind (bm25 itself depends on table size).
  const textOf = <T extends { id: number; rank: number }>(list: T[]) => {
    const best = Math.min(0, ...list.map((row) => row.rank));
    const ranks = new Map(list.map((row) => [row.id, row.rank]));
    return (id: number, body: string) => {
      const rank = ranks.get(id);
      const bm25 = rank === undefined || best === 0 ? 0 : rank / best;
      // Coverage carries the score; bm25 only modulates it (a weak best match must stay weak).
      return weightedCoverage(termWeights, body) * (1 - weights.textRankShare + weights.textRankShare * bm25);
    };
  };

  if (g.projectFile) {
    add({
      kind: 'project_context',
      id: 0,
      tier: 0,
      section: 'project',
      body: g.projectFile.text,
      bodyTokens: null,
      ...decorate.projectFile(),
      score: 1,
      why: `project file ${g.projectFile.path}`,
      domain: null,
      dedupText: null,
    });
  }

  g.golden.forEach((h, index) => {
    add({
      kind: 'golden_rule',
      id: h.id,
      tier: 1,
      section: 'golden',
      body: itemText('heuristic', h),
      bodyTokens: h.token_count,
      ...decorate.golden(),
      score: 1 - index / (g.golden.length + 1),
      why: `golden rule, ${h.times_validated} validations`,
      domain: h.domain,
      dedupText: h.rule,
    });
  });

  const heuristicText = textOf(g.fts.heuristics);
  for (const h of [...g.fts.heuristics, ...g.domain.heuristics, ...g.projectHeuristics]) {
    const project = inProject(h.project_path);
    const body = itemText('heuristic', h);
    const { score, why } = relevance(
      {
        text: heuristicText(h.id, body),
        domain: domainMatch(h.domain, project),
        confidence: h.confidence,
        timesValidated: h.times_validated,
        ageDays: null,
        boost: project ? weights.projectBoost : 1,
      },
      weights,
    );
    add({
      kind: 'heuristic',
      id: h.id,
      tier: project ? 0 : 2,
      section: project ? 'project' : 'heuristics',
      body,
      bodyTokens: h.token_count,
      ...decorate.heuristic(h),
      score,
      why,
      domain: h.domain,
      dedupText: h.rule,
    });
  }

  const learningText = textOf(g.fts.learnings);
  for (const l of [...g.fts.learnings, ...g.tagged, ...g.domain.learnings, ...g.projectLearnings]) {
    const project = inProject(l.project_path);
    const body = itemText('learning', l);
    const { score, why } = relevance(
      {
        text: learningText(l.id, body),
        domain: domainMatch(l.domain, project),
        confidence: l.severity / 5,
        timesValidated: 0,
        ageDays: ageDays(now, l.created_at),
        boost: (l.type === 'failure' ? weights.failureBoost : 1) * (project ? weights.projectBoost : 1),
      },
      weights,
    );
    add({
      kind: 'learning',
      id: l.id,
      tier: project ? 0 : 2,
      section: project ? 'project' : 'learnings',
      body,
      bodyTokens: l.token_count,
      ...decorate.learning(now, l),
      score,
      why,
      domain: l.domain,
      dedupText: null,
    });
  }

  const scoredGlobal = <R extends { id: number; domain: string | null; token_count: number | null }>(
    rows: R[],
    text: (id: number, body: string) => number,
    item: (row: R) => Pick<Candidate, 'kind' | 'section' | 'body' | 'prefix' | 'suffix'> & {
      confidence: number | null;
      timesValidated: number;
      boost: number;
      warning?: boolean;
    },
  ) => {
    for (const row of rows) {
      const { kind, section, body, prefix, suffix, confidence, timesValidated, boost, warning } = item(row);
      const { score, why } = relevance(
        {
          text: text(row.id, body),
          domain: domainMatch(row.domain, false),
          confidence,
          timesValidated,
          ageDays: null,
          boost,
        },
        weights,
      );
      add({
        kind,
        id: row.id,
        tier: 2,
        section,
        body,
        bodyTokens: row.token_count,
        prefix,
        suffix,
        score,
        why,
        domain: row.domain,
        dedupText: null,
        ...(warning ? { warning } : {}),
      });
    }
  };

  scoredGlobal([...g.fts.decisions, ...g.domain.decisions], textOf(g.fts.decisions), (d) => ({
    kind: 'decision',
    section: 'decisions',
    body: itemText('decision', d),
    ...decorate.plain(),
    confidence: null,
    timesValidated: 0,
    boost: 1,
  }));
  scoredGlobal([...g.fts.invariants, ...g.domain.invariants], textOf(g.fts.invariants), (i) => ({
    kind: 'invariant',
    section: 'invariants',
    body: itemText('invariant', i),
    ...decorate.invariant(i),
    confidence: null,
    timesValidated: 0,
    boost: i.status === 'violated' ? weights.violatedBoost : 1,
    warning: i.status === 'violated',
  }));
  // Active assumptions only when held with confidence ≥ 0.6; challenged ones always, as warnings.
  const assumptions = g.fts.assumptions.filter((a) => a.status !== 'active' || a.confidence >= 0.6);
  scoredGlobal(assumptions, textOf(g.fts.assumptions), (a) => ({
    kind: 'assumption',
    section: 'assumptions',
    body: itemText('assumption', a),
    ...decorate.assumption(a),
    confidence: a.status === 'active' ? a.confidence : 1 - a.confidence,
    timesValidated: a.verified_count,
    boost: 1,
    warning: a.status !== 'active',
  }));
  scoredGlobal(g.fts.spikes, textOf(g.fts.spikes), (s) => ({
    kind: 'spike_report',
    section: 'spikes',
    body: itemText('spike_report', s),
    ...decorate.plain(),
    confidence: s.usefulness_score > 0 ? s.usefulness_score / 5 : null,
    timesValidated: 0,
    boost: 1,
  }));

  const background = (
    kind: Candidate['kind'],
    section: Candidate['section'],
    why: string,
    rows: Array<{ id: number; token_count: number | null; domain?: string | null }>,
    line: (index: number) => Pick<Candidate, 'body' | 'prefix' | 'suffix'>,
  ) => {
    rows.forEach((row, index) => {
      add({
        kind,
        id: row.id,
        tier: 3,
        section,
        ...line(index),
        bodyTokens: row.token_count,
        score: 1 / (index + 1),
        why,
        domain: row.domain ?? null,
        dedupText: null,
      });
    });
  };
  const { failures, experiments, reviews } = g.background;
  background('learning', 'recent_failures', 'recent failure', failures, (i) => {
    const l = failures[i] as LearningRow;
    return { body: itemText('learning', l), ...decorate.learning(now, l) };
  });
  background('experiment', 'experiments', 'active experiment', experiments, (i) => {
    const e = experiments[i] as ExperimentRow;
    return { body: itemText('experiment', e), ...decorate.experiment(e) };
  });
  background('ceo_review', 'reviews', 'pending review', reviews, (i) => {
    const r = reviews[i] as CeoReviewRow;
    return { body: itemText('ceo_review', r), ...decorate.review(r) };
  });
  return out;
}
