import {
  domainCandidates,
  type Elf,
  type Heuristic,
  keywordDomains,
  namedDomains,
  parseInput,
  resolveProjectRoot,
  stems,
  type TokenCounter,
  withQueryLog,
} from '@elf/core';
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
import { assembleCandidates, type Gathered } from './candidates/assemble.js';
import { feedbackDomains, gatherFirst, gatherSecond } from './candidates/gather.js';
import { defaultWeights, depthProfiles, type RelevanceWeights } from './config.js';
import { pack } from './pack/packer.js';
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

  constructor(elf: Elf, options: ContextBuilderOptions = {}) {
    this.#elf = elf;
    this.#counter = options.tokenCounter;
    this.#weights = { ...defaultWeights, ...options.weights };
    this.#corpus = new CorpusCache(elf);
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
    const { weights: termWeights, match } = minimal
      ? { weights: new Map<string, number>(), match: null }
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
    // Minimal depth is the golden rules alone.
    let gathered = minimal
      ? emptyGathered(golden)
      : await gatherFirst(this.#elf.db, { match, tags: data.tags, projectPath, cwd, pool, now, golden });
    const expansion = await expandedTermWeights(gathered, termWeights, documents, counts, w);
    const domains = data.domain
      ? [data.domain]
      : minimal
        ? inferred.slice(0, 10)
        : [...new Set([...inferred, ...feedbackDomains(gathered.fts, termWeights, w)])].slice(0, 10);
    if (!minimal) {
      const bridge = await bridgeTerms(expansion.added, counts, w);
      gathered = await gatherSecond(this.#elf.db, gathered, {
        bridge: bridge.length > 0 ? bridge.map((stem) => `"${stem}"`).join(' OR ') : null,
        domains,
        projectPath,
        pool,
      });
    }
    const assembled = assembleCandidates(gathered, {
      now,
      domains: new Set(domains),
      termWeights: expansion.weights,
      projectPath,
      weights: w,
      hasTask: termWeights.size > 0 || data.domain != null || data.tags.length > 0,
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

/**
 * The expansion words the second round searches for: the heaviest first, at most `bridgeTerms`,
 * while their posting lists stay within `maxPostings` (as the first round's words do).
 */
async function bridgeTerms(
  added: readonly string[],
  documentCounts: (stems: readonly string[]) => Promise<Map<string, number>>,
  w: RelevanceWeights,
): Promise<string[]> {
  const counts = await documentCounts(added);
  const chosen: string[] = [];
  let postings = 0;
  for (const stem of added) {
    const count = counts.get(stem) ?? 0;
    if (count === 0 || postings + count > w.maxPostings) continue;
    chosen.push(stem);
    postings += count;
    if (chosen.length >= w.bridgeTerms) break;
  }
  return chosen;
}

function emptyGathered(golden: Heuristic[]): Gathered {
  return {
    projectFile: null,
    projectHeuristics: [],
    projectLearnings: [],
    golden,
    fts: { heuristics: [], learnings: [], decisions: [], invariants: [], assumptions: [], spikes: [] },
    bridged: { heuristics: [], learnings: [] },
    domain: { heuristics: [], learnings: [], decisions: [], invariants: [] },
    tagged: [],
    background: { failures: [], experiments: [], reviews: [] },
  };
}

/** Builds one context with a one-off builder (use ContextBuilder to keep its cache across builds). */
export function buildContext(elf: Elf, input: ContextInput, options?: ContextBuilderOptions): Promise<ContextResult> {
  return new ContextBuilder(elf, options).build(input);
}
