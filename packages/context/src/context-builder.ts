import {
  domainCandidates,
  type Elf,
  type Heuristic,
  itemText,
  keywordDomains,
  namedDomains,
  parseInput,
  resolveProjectRoot,
  stemmedTerms,
  stems,
  type TokenCounter,
  withQueryLog,
} from '@elf/core';
import type { DecisionRow, HeuristicRow, InvariantRow, LearningRow } from '@elf/schema';
import { CorpusCache } from './build/corpus-cache.js';
import {
  type BuildOptions,
  type ContextBuilderOptions,
  type ContextInput,
  contextInput,
  type ParsedInput,
} from './build/input.js';
import { type ContextResult, contextResult } from './build/result.js';
import { selectCandidates } from './build/selection.js';
import { assembleCandidates, type Gathered, type Matched } from './candidates/assemble.js';
import { emptyMatched, gatherFirst, gatherSecond } from './candidates/gather.js';
import { type MatchedKind, matchedKinds } from './candidates/queries.js';
import { coverage, type Task } from './candidates/scored.js';
import { defaultWeights, depthProfiles, type RelevanceWeights } from './config.js';
import { pack } from './pack/packer.js';
import type { TermWeights } from './relevance/coverage.js';
import type { FeedbackDocument } from './relevance/expansion.js';
import { feedbackDomains } from './relevance/feedback-domains.js';
import { expandedTermWeights, taskTermWeights } from './relevance/term-weights.js';
import { renderMarkdown } from './render/markdown.js';
import { tokenModel } from './tokens/token-model.js';

/**
 * Builds agent contexts from one open Elf: input → term weights → candidates (gathered, expanded,
 * scored) → selection (what is new, relevant and not a repeat) → packing under the budget →
 * Markdown. Keep one builder per Elf: it caches what it reads of the corpus as a whole.
 */
export class ContextBuilder {
  readonly #elf: Elf;
  readonly #counter: TokenCounter | undefined;
  readonly #weights: RelevanceWeights;
  readonly #corpus: CorpusCache;

  constructor(elf: Elf, options: ContextBuilderOptions = {}, corpus?: CorpusCache) {
    this.#elf = elf;
    this.#counter = options.tokenCounter;
    this.#weights = { ...defaultWeights, ...options.weights };
    this.#corpus = corpus ?? new CorpusCache(elf);
  }

  /**
   * Reads ahead what builds would read a little at a time (each index's vocabulary), for a process
   * that builds again and again (the server calls it at start and after changes, between requests).
   * Never changes a result: only how much a build has to read.
   */
  warm(): Promise<void> {
    return this.#corpus.warm();
  }

  /**
   * A builder for a view of the same database (`elf.scoped(…)`: another session or project) that
   * shares this one's cache of the corpus, so a long-lived process reads it once for all of them.
   */
  forView(view: Elf): ContextBuilder {
    return new ContextBuilder(view, { tokenCounter: this.#counter, weights: this.#weights }, this.#corpus);
  }

  /** One context; each build writes one `build_context` row of query telemetry. */
  async build(input: ContextInput, options: BuildOptions = {}): Promise<ContextResult> {
    const raw = (input ?? {}) as Record<string, unknown>;
    return withQueryLog(
      this.#elf.core,
      {
        type: 'build_context',
        domain: typeof raw.domain === 'string' ? raw.domain : null,
        maxTokens: Number.isInteger(Number(raw.maxTokens)) ? Number(raw.maxTokens) : null,
        summary: typeof raw.task === 'string' ? raw.task : null,
      },
      () => this.#build(parseInput(contextInput, input), options),
      (r) => ({
        results_returned: r.tiers.reduce((n, t) => n + t.items.length, 0),
        tokens_approximated: r.tokens,
        golden_rules_returned: r.tiers.find((t) => t.tier === 1)?.items.length ?? 0,
        heuristics_count: r.tiers.flatMap((t) => t.items).filter((i) => i.kind === 'heuristic').length,
        learnings_count: r.tiers.flatMap((t) => t.items).filter((i) => i.kind === 'learning').length,
        query_summary: `${r.tiers.map((t) => `tier ${t.tier}: ${t.items.length} items, ${t.tokens} tokens`).join('; ')} | ${(typeof raw.task === 'string' ? raw.task : '').slice(0, 100)}`,
      }),
    );
  }

  async #build(data: ParsedInput, options: BuildOptions): Promise<ContextResult> {
    const w = this.#weights;
    const profile = depthProfiles[data.depth];
    const now = this.#elf.core.clock.now();
    const projectPath = data.cwd ? resolveProjectRoot(data.cwd) : this.#elf.core.projectPath;
    const task = data.task ?? '';
    const { golden, domains: known, documents } = await this.#corpus.corpus(data.categories);
    const counts = (wanted: readonly string[]) => this.#corpus.documentCounts(wanted);
    const minimal = data.depth === 'minimal';
    const { weights: termWeights, terms } = minimal
      ? { weights: new Map<string, number>(), terms: [] }
      : await taskTermWeights([task, ...data.tags].join(' '), documents, counts, w.maxPostings);
    const inferred = [
      ...new Set([
        ...domainCandidates(task).filter((d) => known.has(d)),
        ...namedDomains(stems(task, 200), known),
        ...keywordDomains(task),
      ]),
    ];
    const pool = profile.pool;
    const cwd = data.cwd ?? projectPath;
    const db = this.#elf.db;
    // Minimal depth is the golden rules alone.
    let gathered = minimal
      ? emptyGathered(golden)
      : await gatherFirst(db, this.#corpus, {
          terms,
          weights: termWeights,
          tags: data.tags,
          projectPath,
          cwd,
          pool,
          now,
          golden,
          relevance: w,
        });
    const strongest = strongestMatches(gathered, termWeights, w);
    const expansion = await expandedTermWeights(strongest, termWeights, documents, counts, w);
    // The task's domains: the one given; else those its strongest matches are about, and those its
    // words name (a keyword map guesses more often wrong, so those count `inferredDomain`).
    const fed = data.domain || minimal ? [] : feedbackDomains(strongest, w);
    const domainWeights = new Map<string, number>(
      data.domain ? [[data.domain, 1]] : [...fed.map((d) => [d, 1] as const)],
    );
    if (!data.domain) for (const d of inferred) if (!domainWeights.has(d)) domainWeights.set(d, w.inferredDomain);
    const domains = [...domainWeights.keys()].slice(0, 10);
    if (!minimal) {
      gathered = await gatherSecond(db, this.#corpus, gathered, {
        bridge: expansion.bridge,
        termWeights: expansion.weights,
        learnings: strongest
          .flatMap((d) => (d.learning ? [{ row: d.learning, coverage: d.coverage }] : []))
          .slice(0, w.bridgeDocuments),
        domains,
        projectPath,
        pool,
        weights: w,
      });
    }
    if (options.projectKnowledge === 'scoped') {
      gathered = {
        ...gathered,
        projectHeuristics: gathered.projectHeuristics.filter(
          (h) => h.project_path !== null && h.project_path === projectPath,
        ),
        projectLearnings: [],
      };
    }
    const assembled = assembleCandidates(gathered, {
      now,
      domains: domainWeights,
      termWeights: expansion.weights,
      projectPath,
      weights: w,
      hasTask: stemmedTerms(task, 1).length > 0 || data.domain != null || data.tags.length > 0,
      // A context holds a few dozen items: the best 120 (one per 10 tokens of larger budgets) fill any.
      limit: Math.max(120, Math.ceil(data.maxTokens / 10)),
    });
    const selection = selectCandidates(assembled, options, w);
    const model = tokenModel(this.#counter);
    const packed = pack(selection.kept, data.maxTokens, profile, model);
    const text = renderMarkdown(packed.placed, packed.note);
    return contextResult({
      text,
      tokens: this.#counter ? this.#counter.count(text) : packed.tokens,
      budget: data.maxTokens,
      depth: data.depth,
      model,
      domains,
      assembled,
      selection,
      packed,
    });
  }
}

type Strongest = FeedbackDocument & { domain: string | null; learning?: LearningRow };

/**
 * The first round's matches with their coverage of the task (from their postings) and their
 * text, strongest first: what expansion and domain feedback learn from.
 */
function strongestMatches(g: Gathered, weights: TermWeights, w: RelevanceWeights): Strongest[] {
  const task: Pick<Task, 'termWeights' | 'hits'> = { termWeights: weights, hits: g.hits };
  // Texts are made for the strongest only: a build matches hundreds of items.
  const found: Array<{ coverage: number; kind: MatchedKind; row: Matched[MatchedKind][number] }> = [];
  for (const kind of matchedKinds) {
    if (kind === 'assumption') continue;
    for (const row of g.matched[kind]) {
      const c = coverage(task, kind, row.id);
      if (c >= w.feedbackMinCoverage) found.push({ coverage: c, kind, row });
    }
  }
  return found
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, Math.max(w.expansionDocuments, 20))
    .map(({ coverage, kind, row }) => ({
      coverage,
      domain: row.domain,
      text: feedbackText(kind, row),
      ...(kind === 'learning' ? { learning: row as LearningRow } : {}),
    }));
}

/** What a matched item says, for feedback: what it shows and what explains it. */
function feedbackText(kind: MatchedKind, row: Matched[MatchedKind][number]): string {
  switch (kind) {
    case 'heuristic': {
      const h = row as HeuristicRow;
      return `${h.rule} ${h.explanation ?? ''}`;
    }
    case 'decision': {
      const d = row as DecisionRow;
      return `${itemText('decision', d)} ${d.rationale}`;
    }
    case 'invariant': {
      const i = row as InvariantRow;
      return `${i.statement} ${i.rationale}`;
    }
    default:
      return itemText(kind as 'learning' | 'spike_report', row as never);
  }
}

function emptyGathered(golden: Heuristic[]): Gathered {
  return {
    projectFile: null,
    projectHeuristics: [],
    projectLearnings: [],
    golden,
    matched: emptyMatched(),
    hits: new Map(),
    bridges: new Map(),
    domain: { heuristics: [], learnings: [], decisions: [], invariants: [] },
    tagged: [],
    background: { failures: [], experiments: [], reviews: [] },
  };
}

/** Builds one context with a one-off builder (use ContextBuilder to keep its cache across builds). */
export function buildContext(elf: Elf, input: ContextInput, options?: ContextBuilderOptions): Promise<ContextResult> {
  return new ContextBuilder(elf, options).build(input);
}
