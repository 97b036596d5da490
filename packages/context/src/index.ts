// A builder needs an open database: @elf/core's Elf, re-exported so `npm i @elf/context` is all a
// program that only builds contexts installs (and imports).
export { Elf, type ElfOptions } from '@elf/core';
export type { BuildOptions, ContextBuilderOptions, ContextInput } from './build/input.js';
export type { ContextItem, ContextResult, ContextTier, ExplainedCandidate } from './build/result.js';
export { type AssembleContext, assembleCandidates, type Gathered } from './candidates/assemble.js';
export type { Candidate, CandidateKind, OmittedItem, Section } from './candidates/candidate.js';
export { ageDays, decorate, formatAge } from './candidates/decorate.js';
export { findProjectContext } from './candidates/project-file.js';
export { contextQueries } from './candidates/queries.js';
export {
  budgetLimits,
  type Depth,
  type DepthProfile,
  defaultWeights,
  depthProfiles,
  depths,
  type RelevanceWeights,
  type Tier,
} from './config.js';
export { buildContext, ContextBuilder } from './context-builder.js';
export { noteText, type PackResult, type PlacedItem, pack } from './pack/packer.js';
export { shorten } from './pack/shorten.js';
export { idf, type TermWeights } from './relevance/coverage.js';
export { type ExpansionSettings, expandWeights, feedbackStems } from './relevance/expansion.js';
export { DuplicateFilter } from './relevance/near-duplicate.js';
export { type RelevanceInput, relevance } from './relevance/score.js';
export { renderMarkdown } from './render/markdown.js';
export { loadO200kCounter, o200kCounter } from './tokens/o200k-counter.js';
export { type HeadingKey, type TokenModel, tokenModel } from './tokens/token-model.js';
