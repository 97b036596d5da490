import {
  changeMarker,
  domainCandidates,
  type Elf,
  fields,
  goldenRules,
  type Heuristic,
  keywordDomains,
  namedDomains,
  parseInput,
  resolveProjectRoot,
  stemmedTerms,
  stems,
  type TokenCounter,
  withQueryLog,
} from '@elf/core';
import * as v from 'valibot';
import { assembleCandidates, type Gathered } from './candidates/assemble.js';
import type { Candidate, CandidateKind, OmittedItem } from './candidates/candidate.js';
import { gather } from './candidates/gather.js';
import { rows, statements } from './candidates/queries.js';
import {
  budgetLimits,
  type Depth,
  type DepthProfile,
  defaultWeights,
  depthProfiles,
  depths,
  type RelevanceWeights,
  type Tier,
} from './config.js';
import { dropNearDuplicates, pack } from './pack/packer.js';
import { idf, type TermWeights } from './relevance/coverage.js';
import { expandWeights, feedbackStems } from './relevance/expansion.js';
import { renderMarkdown } from './render/markdown.js';
import { tokenModel } from './tokens/token-model.js';

const contextInput = v.object({
  task: v.optional(fields.optionalText(100_000), null),
  domain: v.optional(v.nullable(fields.domain)),
  tags: fields.tags,
  categories: fields.tags,
  cwd: v.optional(v.nullable(v.pipe(v.string('must be a path'), v.minLength(1, 'must not be empty')))),
  maxTokens: v.optional(fields.integer(budgetLimits.min, budgetLimits.max), budgetLimits.default),
  depth: v.optional(fields.oneOf(depths), 'standard'),
});

export type ContextInput = v.InferInput<typeof contextInput>;

export interface ContextItem {
  kind: CandidateKind;
  id: number;
  text: string;
  score: number;
  shortened: boolean;
}

export interface ContextTier {
  tier: Tier;
  title: string;
  items: ContextItem[];
  tokens: number;
}

export interface ExplainedCandidate {
  kind: CandidateKind;
  id: number;
  tier: Tier;
  score: number;
  why: string;
  included: boolean;
  reason: OmittedItem['reason'] | null;
}

export interface ContextResult {
  /** The context as Markdown; its token count never exceeds `budget`. */
  text: string;
  /** Tokens of `text`: counted exactly with a tokenizer, else an upper bound from stored counts. */
  tokens: number;
  budget: number;
  depth: Depth;
  tokenizer: string;
  exact: boolean;
  domains: string[];
  tiers: ContextTier[];
  omitted: OmittedItem[];
  /** Every candidate with its score and fate (for --explain). */
  candidates: ExplainedCandidate[];
}

/** Per-build choices that are not user input (hooks pass them). */
export interface BuildOptions {
  /** Items (`kind:id`, e.g. `heuristic:12`, `golden_rule:3`) the reader has already seen: left out. */
  exclude?: ReadonlySet<string>;
  /** Only these tiers (default all four). */
  tiers?: readonly Tier[];
  /** A stricter relevance floor than the configured `minScore` (a prompt adds nothing weak). */
  minScore?: number;
}

export interface ContextBuilderOptions {
  /** A real tokenizer (loadO200kCounter) or chars ÷ 4; without one, stored counts and byte bounds. */
  tokenCounter?: TokenCounter;
  weights?: Partial<RelevanceWeights>;
}

const tierTitles: Record<Tier, string> = {
  0: 'This project',
  1: 'Golden rules',
  2: 'Relevant to this task',
  3: 'Background',
};

/**
 * Builds agent contexts from one open Elf. Golden rules and the list of known domains are cached
 * per builder and reloaded whenever the database changed (from any process).
 */
export class ContextBuilder {
  readonly #elf: Elf;
  readonly #counter: TokenCounter | undefined;
  readonly #weights: RelevanceWeights;
  #cache:
    | {
        marker: string;
        golden: Map<string, Heuristic[]>;
        domains: Set<string>;
        documents: number;
        documentCounts: Map<string, number>;
      }
    | undefined;

  constructor(elf: Elf, options: ContextBuilderOptions = {}) {
    this.#elf = elf;
    this.#counter = options.tokenCounter;
    this.#weights = { ...defaultWeights, ...options.weights };
  }

  async build(input: ContextInput, options: BuildOptions = {}): Promise<ContextResult> {
    const ctx = this.#elf.context;
    const raw = (input ?? {}) as Record<string, unknown>;
    return withQueryLog(
      ctx,
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

  async #cached(categories: string[]) {
    const ctx = this.#elf.context;
    const marker = await changeMarker(ctx);
    if (this.#cache?.marker !== marker) {
      const known = await ctx.db
        .selectFrom('domain_stats')
        .select('domain')
        .where((eb) => eb(eb('learnings', '+', eb.ref('heuristics')), '>', 0))
        .limit(10_000)
        .execute();
      const [count] = await rows(ctx.db, statements.documentCount());
      this.#cache = {
        marker,
        golden: new Map(),
        domains: new Set(known.map((row) => row.domain)),
        documents: count?.documents ?? 0,
        documentCounts: new Map(),
      };
    }
    const cache = this.#cache;
    const key = categories.join(',');
    let golden = cache.golden.get(key);
    if (!golden) {
      golden = (await goldenRules(ctx, { categories, limit: 200 })).rules;
      cache.golden.set(key, golden);
    }
    return { golden, domains: cache.domains, documents: cache.documents };
  }

  /**
   * Documents containing each stem. Counting reads a stem's whole posting list (fts5vocab), so
   * counts are cached with the golden rules and dropped whenever the database changes.
   */
  async #documentCounts(wanted: string[]): Promise<Map<string, number>> {
    const cache = this.#cache;
    const counts = new Map<string, number>();
    const missing: string[] = [];
    for (const stem of new Set(wanted)) {
      const known = cache?.documentCounts.get(stem);
      if (known === undefined) missing.push(stem);
      else counts.set(stem, known);
    }
    if (missing.length > 0) {
      const found = new Map(
        (await rows(this.#elf.context.db, statements.termDocuments(missing))).map((c) => [c.term, c.documents]),
      );
      for (const stem of missing) {
        const documents = found.get(stem) ?? 0;
        counts.set(stem, documents);
        cache?.documentCounts.set(stem, documents);
      }
    }
    return counts;
  }

  /**
   * IDF of each task stem that occurs in the corpus, and the full-text query: the task's rarest
   * words while their posting lists stay within `maxPostings` (at most 12 words). bm25 scores
   * every item a query matches, so common words would cost time without telling items apart.
   */
  async #termWeights(text: string, documents: number): Promise<{ weights: TermWeights; match: string | null }> {
    const terms = stemmedTerms(text, 64);
    if (terms.length === 0) return { weights: new Map(), match: null };
    const counts = await this.#documentCounts(terms.map((t) => t.stem));
    const weights = new Map<string, number>();
    for (const [stem, count] of counts) if (count > 0) weights.set(stem, idf(Math.max(documents, count), count));
    const byRarity = [...counts.entries()].filter(([, count]) => count > 0).sort((a, b) => a[1] - b[1]);
    const chosen = new Set<string>();
    let postings = 0;
    for (const [stem, count] of byRarity) {
      if (chosen.size >= 12 || (chosen.size > 0 && postings + count > this.#weights.maxPostings)) break;
      chosen.add(stem);
      postings += count;
    }
    const words = [...new Set(terms.filter((t) => chosen.has(t.stem)).map((t) => t.term))];
    return { weights, match: words.length > 0 ? words.map((word) => `"${word}"`).join(' OR ') : null };
  }

  /** The task's term weights plus words of its strongest matches (pseudo-relevance feedback). */
  async #expand(gathered: Gathered, weights: TermWeights, documents: number): Promise<TermWeights> {
    const w = this.#weights;
    const settings = {
      documents: w.expansionDocuments,
      minCoverage: w.feedbackMinCoverage,
      terms: w.expansionTerms,
      weight: w.expansionWeight,
    };
    if (weights.size === 0 || settings.terms === 0) return weights;
    const feedback = feedbackStems(gathered.fts, weights, settings);
    if (feedback.size === 0) return weights;
    // Look up only the feedback words that most of the strongest matches use.
    const frequent = [...feedback.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2 * settings.terms)
      .map(([stem]) => stem);
    return expandWeights(weights, feedback, await this.#documentCounts(frequent), documents, settings);
  }

  async #build(data: v.InferOutput<typeof contextInput>, options: BuildOptions): Promise<ContextResult> {
    const ctx = this.#elf.context;
    const profile = depthProfiles[data.depth];
    const model = tokenModel(this.#counter);
    const now = ctx.clock.now();
    const projectPath = data.cwd ? resolveProjectRoot(data.cwd) : ctx.projectPath;
    const task = data.task ?? '';
    const { golden, domains: known, documents } = await this.#cached(data.categories);
    const searchText = [task, ...data.tags].join(' ');
    const { weights: termWeights, match } =
      data.depth === 'minimal'
        ? { weights: new Map<string, number>(), match: null }
        : await this.#termWeights(searchText, documents);
    const inferred = [
      ...new Set([
        ...domainCandidates(task).filter((d) => known.has(d)),
        ...namedDomains(stems(task, 200), known),
        ...keywordDomains(task),
      ]),
    ];

    let gathered = emptyGathered(golden);
    let domains = data.domain ? [data.domain] : inferred.slice(0, 10);
    if (data.depth !== 'minimal') {
      ({ gathered, domains } = await gather(ctx.db, {
        match,
        domain: data.domain ?? null,
        inferredDomains: inferred,
        tags: data.tags,
        projectPath,
        cwd: data.cwd ?? projectPath,
        k: candidatesFor(profile, data.maxTokens),
        now,
        termWeights,
        golden,
        weights: this.#weights,
      }));
    }

    const expanded = await this.#expand(gathered, termWeights, documents);
    const assembled = assembleCandidates(gathered, {
      now,
      domains: new Set(domains),
      termWeights: expanded,
      projectPath,
      weights: this.#weights,
    });
    // Seen before or not asked for: left out before relevance cut-offs and packing, so the
    // budget goes to what is new.
    const { exclude, tiers: wantedTiers } = options;
    const unwanted = (c: Candidate) =>
      exclude?.has(`${c.kind}:${c.id}`)
        ? ('already shown' as const)
        : wantedTiers && !wantedTiers.includes(c.tier)
          ? ('tier not requested' as const)
          : null;
    const skipped = assembled.flatMap((c) => {
      const reason = unwanted(c);
      return reason ? [{ kind: c.kind, id: c.id, reason }] : [];
    });
    const all = skipped.length === 0 ? assembled : assembled.filter((c) => unwanted(c) === null);
    const scored = (c: Candidate) => (c.tier === 0 && c.kind !== 'project_context') || c.tier === 2;
    // Relative to the best match of the same tier: this project's items carry a boost of their own.
    const best = (tier: Tier) => Math.max(0, ...all.filter((c) => scored(c) && c.tier === tier).map((c) => c.score));
    const bestOf: Record<Tier, number> = { 0: best(0), 1: 0, 2: best(2), 3: 0 };
    const { relativeMinScore } = this.#weights;
    const minScore = Math.max(this.#weights.minScore, options.minScore ?? 0);
    const lowRelevance = all.filter(
      (c) => scored(c) && c.score < Math.max(minScore, c.warning ? 0 : relativeMinScore * bestOf[c.tier]),
    );
    const { kept, duplicates } = dropNearDuplicates(all.filter((c) => !lowRelevance.includes(c)));
    const packed = pack(kept, data.maxTokens, profile, model);
    const text = renderMarkdown(packed.placed, packed.note);
    const tokens = this.#counter ? this.#counter.count(text) : packed.tokens;

    const omitted: OmittedItem[] = [
      ...skipped,
      ...packed.omitted,
      ...duplicates.map((c) => ({ kind: c.kind, id: c.id, reason: 'duplicate' as const })),
      ...lowRelevance.map((c) => ({ kind: c.kind, id: c.id, reason: 'low relevance' as const })),
    ];
    const fate = new Map(omitted.map((o) => [`${o.kind}:${o.id}`, o.reason]));
    return {
      text,
      tokens,
      budget: data.maxTokens,
      depth: data.depth,
      tokenizer: model.name,
      exact: model.exact,
      domains,
      tiers: ([0, 1, 2, 3] as Tier[])
        .map((tier) => ({
          tier,
          title: tierTitles[tier],
          items: packed.placed
            .filter((p) => p.candidate.tier === tier)
            .map((p) => ({
              kind: p.candidate.kind,
              id: p.candidate.id,
              text: p.body,
              score: round(p.candidate.score),
              shortened: p.shortened,
            })),
          tokens: packed.tierTokens[tier],
        }))
        .filter((t) => t.items.length > 0),
      omitted,
      candidates: assembled.map((c) => {
        const reason = fate.get(`${c.kind}:${c.id}`) ?? null;
        return {
          kind: c.kind,
          id: c.id,
          tier: c.tier,
          score: round(c.score),
          why: c.why,
          included: reason === null,
          reason,
        };
      }),
    };
  }
}

function emptyGathered(golden: Heuristic[]): Gathered {
  return {
    projectFile: null,
    projectHeuristics: [],
    projectLearnings: [],
    golden,
    fts: { heuristics: [], learnings: [], decisions: [], invariants: [], assumptions: [], spikes: [] },
    domain: { heuristics: [], learnings: [], decisions: [], invariants: [] },
    tagged: [],
    background: { failures: [], experiments: [], reviews: [] },
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Candidates per source: the depth's number, fewer for small budgets (about one per 100 tokens,
 * at least 8): a 600-token hook context holds a handful of items, and every candidate fetched is
 * read, tokenised and scored.
 */
export function candidatesFor(profile: DepthProfile, maxTokens: number): number {
  return Math.min(profile.candidates, Math.max(8, Math.ceil(maxTokens / 100)));
}

/** Builds one context with a one-off builder (use ContextBuilder to keep its cache across builds). */
export function buildContext(elf: Elf, input: ContextInput, options?: ContextBuilderOptions): Promise<ContextResult> {
  return new ContextBuilder(elf, options).build(input);
}
