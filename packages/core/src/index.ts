export { ElfError, type ElfErrorCode, isElfError } from '@elf/schema';
export { classifyOutcome, type Outcome } from './capture/classify-outcome.js';
export { errorHeadline } from './capture/error-headline.js';
export { extractMarkers, type Marker } from './capture/markers.js';
export { redactSecrets, type SecretKind } from './capture/redact-secrets.js';
export { bookkeeping, type Clock, type CoreHandle, type Logger, systemClock, tokensFor } from './core-handle.js';
export { Elf, type ElfOptions } from './elf.js';
export { type ValidationReport, validateDatabase } from './health/validate-database.js';
export {
  type AppliedOutcome,
  type ApplyOutcomeInput,
  applyOutcome,
  type OutcomeEvent,
} from './lifecycle/apply-outcome.js';
export {
  type AssumptionEvidenceInput,
  assumptionStanding,
  challengeAssumption,
  challengedBelow,
  verifiedAfter,
  verifyAssumption,
} from './lifecycle/assumptions.js';
export { type AuditEntry, auditHeuristic, changeHeuristic, manualChange } from './lifecycle/audit.js';
export {
  type AllCeoReviewsInput,
  ceoReviewDecisions,
  type DecideCeoReviewInput,
  decideCeoReview,
  listAllCeoReviews,
} from './lifecycle/ceo-reviews.js';
export {
  type ConfidenceEvent,
  type ConfidenceState,
  type ConfidenceStep,
  clampConfidence,
  confidenceBounds,
  confidenceModel,
  confidenceStep,
  promotion,
  qualifiesForGolden,
} from './lifecycle/confidence.js';
export { type EditHeuristicInput, editHeuristic } from './lifecycle/edit-heuristic.js';
export {
  type AbandonExperimentInput,
  abandonExperiment,
  type CompletedExperiment,
  type CompleteExperimentInput,
  completeExperiment,
  cyclesShown,
  getExperiment,
} from './lifecycle/experiments.js';
export { demotedConfidenceCap, demotion } from './lifecycle/golden-standing.js';
export { criticalReviewKey, type GoldenViolationCheck } from './lifecycle/golden-violations.js';
export {
  demoteHeuristic,
  demotionCandidates,
  heuristicHistory,
  type ListHeuristicsInput,
  listHeuristics,
  type ManualOutcomeInput,
  promoteHeuristic,
  reviveHeuristic,
  standingChangesSince,
  validateHeuristic,
  violateHeuristic,
} from './lifecycle/heuristic-actions.js';
export { type ScopeChange, type SetHeuristicScopeInput, setHeuristicScope } from './lifecycle/heuristic-scope.js';
export {
  type ValidateInvariantInput,
  type ViolateInvariantInput,
  validateInvariant,
  violatedAfter,
  violateInvariant,
} from './lifecycle/invariants.js';
export {
  decayStepsDue,
  type LifecycleChange,
  type MaintainReport,
  maintainIfDue,
  maintainLifecycle,
} from './lifecycle/maintain.js';
export { type MergeHeuristicsInput, type MergeResult, mergedConfidence, mergeHeuristics } from './lifecycle/merge.js';
export { findNearDuplicate, type NearDuplicate, type NearDuplicateQuery } from './lifecycle/near-duplicates.js';
export { type RetractHeuristicInput, retractHeuristic } from './lifecycle/retract.js';
export { matchesStrongly, reviveMatching, strongMatch } from './lifecycle/revive.js';
export {
  defaultHeuristicScope,
  defaultLifecycleConfig,
  type HeuristicScope,
  heuristicScopes,
  type LifecycleConfig,
  lifecycleConfig,
  lifecycleSettings,
  listSettings,
  readState,
  setSetting,
  stateKeys,
  writeState,
} from './lifecycle/settings.js';
export { type RateSpikeReportInput, ratedScore, rateSpikeReport } from './lifecycle/spike-ratings.js';
export { type SupersedeHeuristicInput, supersedeHeuristic } from './lifecycle/supersede.js';
export { type SupersedeDecisionInput, supersedeDecision } from './lifecycle/supersede-decision.js';
export { joinTags, splitTags, toDecision, toHeuristic, toLearning, toSpikeReport } from './mappers.js';
export { resolveCheckoutRoot, resolveProjectRoot } from './project/project-root.js';
export { changeMarker } from './queries/change-marker.js';
export { getHeuristic, getLearning } from './queries/get-by-id.js';
export {
  type GoldenRulesInput,
  type GoldenRulesResult,
  goldenRules,
  goldenRulesQuery,
} from './queries/golden-rules.js';
export { type HotQuery, hotQueries } from './queries/hot-queries.js';
export { type IterableTable, iterateRows } from './queries/iterate-rows.js';
export {
  type AssumptionsInput,
  type DecisionsInput,
  type InvariantsInput,
  listAssumptions,
  listDecisions,
  listInvariants,
} from './queries/knowledge-lists.js';
export { knownDomains, knownDomainsQuery } from './queries/known-domains.js';
export { type DomainResult, type QueryByDomainInput, queryByDomain } from './queries/query-by-domain.js';
export { type QueryByTagsInput, queryByTags, type TagsResult } from './queries/query-by-tags.js';
export { type QueryRecentInput, queryRecent, type RecentResult } from './queries/query-recent.js';
export { listSpikeReports, type SpikeReportsInput } from './queries/spike-reports.js';
export {
  type AccountabilityLevel,
  accountabilityLevel,
  listViolations,
  type ViolationsInput,
  type ViolationsResult,
} from './queries/violations.js';
export {
  type CeoReviewsInput,
  type ExperimentsInput,
  listCeoReviews,
  listExperiments,
} from './queries/workflow-lists.js';
export { type RecordAssumptionInput, recordAssumption } from './record/record-assumption.js';
export { type RecordCeoReviewInput, recordCeoReview } from './record/record-ceo-review.js';
export { type RecordDecisionInput, recordDecision } from './record/record-decision.js';
export {
  type RecordCycleInput,
  type RecordExperimentInput,
  recordCycle,
  recordExperiment,
} from './record/record-experiment.js';
export { type RecordedHeuristic, type RecordHeuristicInput, recordHeuristic } from './record/record-heuristic.js';
export { type RecordInvariantInput, recordInvariant } from './record/record-invariant.js';
export {
  insertLearningRow,
  type RecordLearningInput,
  recordableLearningTypes,
  recordLearning,
} from './record/record-learning.js';
export { type RecordSpikeReportInput, recordSpikeReport } from './record/record-spike-report.js';
export { type RecordTrailInput, recordTrail } from './record/record-trail.js';
export { type RecordViolationInput, recordViolation } from './record/record-violation.js';
export { ftsMatchExpression } from './search/fts-query.js';
export { createPageIndexes } from './search/page-index.js';
export {
  type SearchHit,
  type SearchInput,
  type SearchKind,
  type SearchResult,
  search,
  searchKinds,
} from './search/search.js';
export { seededRandom } from './seeded-random.js';
export {
  type CapturedItem,
  captureToolFailure,
  cutAtWord,
  learnFromMarkers,
  type ToolFailureInput,
} from './sessions/capture-knowledge.js';
export {
  type ResolveInput,
  recordConsultations,
  resolveConsultations,
  sessionConsultations,
} from './sessions/consultations.js';
export {
  claimCapture,
  countToolUse,
  forgetInjections,
  getSession,
  type InjectedItem,
  injectedKeys,
  noteFirstPrompt,
  noteSessionDomains,
  noteTranscriptRead,
  type OpenSessionInput,
  openSession,
  recordInjections,
  sessionTools,
} from './sessions/session-state.js';
export { promotionCandidates, type SuggestedHeuristic, suggestHeuristics } from './sessions/suggestions.js';
export { type SessionSummaryInput, summarizeSession } from './sessions/summarize-session.js';
export { type Hotspot, hotspots, listSessions, listTrails, type TrailListInput } from './sessions/trails.js';
export { transcriptToolCounts } from './sessions/transcript-tools.js';
export { seedStarterGoldenRules, starterGoldenRules } from './starters/starter-golden-rules.js';
export { type Statistics, statistics } from './statistics/statistics.js';
export { flushQueryLog, type QueryCounts, type QuerySpec, withQueryLog, writeQueryLog } from './telemetry/query-log.js';
export { domainCandidates, inferDomain, keywordDomains, namedDomains } from './text/domain-inference.js';
export { domainPattern, maxDomainLength, normalizeDomain, toDomain } from './text/domains.js';
export {
  compareRules,
  containment,
  duplicateJaccard,
  isNegative,
  jaccard,
  type RuleSignature,
  ruleSignature,
  type SameRuleMatch,
  sameRule,
} from './text/same-rule.js';
export { functionWords, ruleFormWords } from './text/stop-words.js';
export { searchTerms, stem, stemmedTerms, stemSet, stems, subjectWords } from './text/terms.js';
export { fold, normaliseRule, wordSet, words } from './text/words.js';
export { type FillTokenCountsResult, fillTokenCounts } from './tokens/fill-token-counts.js';
export { type CountedKind, countedKinds, countedTables, type ItemTextFields, itemText } from './tokens/item-text.js';
export { charsDividedByFour, type TokenCounter, utf8ByteBound } from './tokens/token-counter.js';
export type {
  Assumption,
  CeoReview,
  Cycle,
  Decision,
  Experiment,
  Heuristic,
  Invariant,
  Learning,
  Page,
  SpikeReport,
  Violation,
} from './types.js';
export * as fields from './validation/fields.js';
export { limits } from './validation/fields.js';
export { parseInput } from './validation/parse-input.js';
export { sanitizeText } from './validation/sanitize.js';
