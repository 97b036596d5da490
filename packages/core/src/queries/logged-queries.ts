import type { CoreHandle } from '../core-handle.js';
import { type ValidationReport, validateDatabase } from '../health/validate-database.js';
import { type SearchInput, search } from '../search/search.js';
import { statistics } from '../statistics/statistics.js';
import { withQueryLog } from '../telemetry/query-log.js';
import { type GoldenRulesInput, goldenRules } from './golden-rules.js';
import {
  type AssumptionsInput,
  type DecisionsInput,
  type InvariantsInput,
  listAssumptions,
  listDecisions,
  listInvariants,
} from './knowledge-lists.js';
import { knownDomains } from './known-domains.js';
import { type QueryByDomainInput, queryByDomain } from './query-by-domain.js';
import { type QueryByTagsInput, queryByTags } from './query-by-tags.js';
import { type QueryRecentInput, queryRecent } from './query-recent.js';
import { listSpikeReports, type SpikeReportsInput } from './spike-reports.js';
import { listViolations, type ViolationsInput } from './violations.js';
import { type CeoReviewsInput, type ExperimentsInput, listCeoReviews, listExperiments } from './workflow-lists.js';

// The public reads of the memory, each logged to building_queries (type, duration, result counts,
// status, error code). Elf's methods and the layers above (the context builder) read through these.

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export function queryByDomainLogged(ctx: CoreHandle, input: QueryByDomainInput) {
  return withQueryLog(
    ctx,
    { type: 'query_by_domain', domain: input.domain, limit: num(input.limit) },
    () => queryByDomain(ctx, input),
    (r) => ({
      results_returned: r.heuristics.length + r.learnings.length,
      heuristics_count: r.heuristics.length,
      learnings_count: r.learnings.length,
    }),
  );
}

export function queryByTagsLogged(ctx: CoreHandle, input: QueryByTagsInput) {
  return withQueryLog(
    ctx,
    { type: 'query_by_tags', tags: input.tags as string | string[] | null, limit: num(input.limit) },
    () => queryByTags(ctx, input),
    (r) => ({ results_returned: r.learnings.length, learnings_count: r.learnings.length }),
  );
}

export function queryRecentLogged(ctx: CoreHandle, input: QueryRecentInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'query_recent', limit: num(input.limit), summary: input.type ? `type ${input.type}` : null },
    () => queryRecent(ctx, input),
    (r) => ({ results_returned: r.learnings.length, learnings_count: r.learnings.length }),
  );
}

export function goldenRulesLogged(ctx: CoreHandle, input: GoldenRulesInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_golden_rules', limit: num(input.limit) },
    () => goldenRules(ctx, input),
    (r) => ({ results_returned: r.rules.length, golden_rules_returned: r.rules.length }),
  );
}

export function decisionsLogged(ctx: CoreHandle, input: DecisionsInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_decisions', domain: input.domain, limit: num(input.limit) },
    () => listDecisions(ctx, input),
    (r) => ({ results_returned: r.decisions.length }),
  );
}

export function invariantsLogged(ctx: CoreHandle, input: InvariantsInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_invariants', domain: input.domain, limit: num(input.limit) },
    () => listInvariants(ctx, input),
    (r) => ({ results_returned: r.invariants.length }),
  );
}

export function assumptionsLogged(ctx: CoreHandle, input: AssumptionsInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_assumptions', domain: input.domain, limit: num(input.limit) },
    () => listAssumptions(ctx, input),
    (r) => ({ results_returned: r.assumptions.length }),
  );
}

export function spikeReportsLogged(ctx: CoreHandle, input: SpikeReportsInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_spike_reports', domain: input.domain, limit: num(input.limit), summary: input.search },
    () => listSpikeReports(ctx, input),
    (r) => ({ results_returned: r.spikeReports.length }),
  );
}

export function experimentsLogged(ctx: CoreHandle, input: ExperimentsInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_experiments', limit: num(input.limit) },
    () => listExperiments(ctx, input),
    (r) => ({ results_returned: r.experiments.length, experiments_count: r.experiments.length }),
  );
}

export function ceoReviewsLogged(ctx: CoreHandle, input: CeoReviewsInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_ceo_reviews', limit: num(input.limit) },
    () => listCeoReviews(ctx, input),
    (r) => ({ results_returned: r.ceoReviews.length, ceo_reviews_count: r.ceoReviews.length }),
  );
}

export function violationsLogged(ctx: CoreHandle, input: ViolationsInput = {}) {
  return withQueryLog(
    ctx,
    { type: 'get_violations', limit: num(input.limit) },
    () => listViolations(ctx, input),
    (r) => ({ results_returned: r.violations.length }),
  );
}

export function searchLogged(ctx: CoreHandle, input: SearchInput) {
  return withQueryLog(
    ctx,
    { type: 'search', limit: num(input.limit), summary: input.text },
    () => search(ctx, input),
    (r) => ({ results_returned: r.hits.length }),
  );
}

export function statisticsLogged(ctx: CoreHandle) {
  return withQueryLog(
    ctx,
    { type: 'get_statistics' },
    () => statistics(ctx),
    () => ({ results_returned: 1 }),
  );
}

export function validateDatabaseLogged(ctx: CoreHandle): Promise<ValidationReport> {
  return withQueryLog(
    ctx,
    { type: 'validate_database' },
    () => validateDatabase(ctx),
    (r) => ({ results_returned: r.errors.length }),
  );
}

export function knownDomainsLogged(ctx: CoreHandle) {
  return withQueryLog(
    ctx,
    { type: 'get_domains' },
    () => knownDomains(ctx),
    (r) => ({ results_returned: r.domains.length }),
  );
}
