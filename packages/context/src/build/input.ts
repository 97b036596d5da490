import { fields, type TokenCounter } from '@elf/core';
import * as v from 'valibot';
import { budgetLimits, depths, type RelevanceWeights, type Tier } from '../config.js';

// What a build is asked for: the user's input (validated; bad input names its field) and the
// choices of its caller that are not user input.

export const contextInput = v.object({
  task: v.optional(fields.optionalText(100_000), null),
  domain: v.optional(v.nullable(fields.domain)),
  tags: fields.tags,
  categories: fields.tags,
  cwd: v.optional(v.nullable(v.pipe(v.string('must be a path'), v.minLength(1, 'must not be empty')))),
  maxTokens: v.optional(fields.integer(budgetLimits.min, budgetLimits.max), budgetLimits.default),
  depth: v.optional(fields.oneOf(depths), 'standard'),
});

export type ContextInput = v.InferInput<typeof contextInput>;
export type ParsedInput = v.InferOutput<typeof contextInput>;

/** Per-build choices that are not user input (hooks pass them). */
export interface BuildOptions {
  /** Items (`kind:id`, e.g. `heuristic:12`, `golden_rule:3`) the reader has already seen: left out. */
  exclude?: ReadonlySet<string>;
  /** Only these tiers (default all four). */
  tiers?: readonly Tier[];
  /** A stricter relevance floor than the configured `minScore` (a prompt adds nothing weak). */
  minScore?: number;
  /**
   * This project's knowledge offered without matching the task: `all` (default) — what was learned
   * here and what is scoped to it; `scoped` — only heuristics a person scoped to this project
   * (session start: what was merely learned here waits until a prompt makes it relevant).
   */
  projectKnowledge?: 'all' | 'scoped';
}

export interface ContextBuilderOptions {
  /** A real tokenizer (loadO200kCounter) or chars ÷ 4; without one, stored counts and byte bounds. */
  tokenCounter?: TokenCounter;
  weights?: Partial<RelevanceWeights>;
}
