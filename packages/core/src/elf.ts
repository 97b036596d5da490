import { type Database, type ElfDatabase, type OpenDatabaseOptions, openDatabase } from '@elf/schema';
import type { Kysely } from 'kysely';
import { type Clock, type CoreContext, type Logger, systemClock } from './context.js';
import { type ValidationReport, validateDatabase } from './health/validate-database.js';
import { resolveProjectRoot } from './project/project-root.js';
import { getHeuristic, getLearning } from './queries/get-by-id.js';
import { type GoldenRulesInput, goldenRules } from './queries/golden-rules.js';
import { type IterableTable, iterateRows } from './queries/iterate-rows.js';
import {
  type AssumptionsInput,
  type DecisionsInput,
  type InvariantsInput,
  listAssumptions,
  listDecisions,
  listInvariants,
} from './queries/knowledge-lists.js';
import { type QueryByDomainInput, queryByDomain } from './queries/query-by-domain.js';
import { type QueryByTagsInput, queryByTags } from './queries/query-by-tags.js';
import { type QueryRecentInput, queryRecent } from './queries/query-recent.js';
import { listSpikeReports, type SpikeReportsInput } from './queries/spike-reports.js';
import { listViolations, type ViolationsInput } from './queries/violations.js';
import {
  type CeoReviewsInput,
  type ExperimentsInput,
  listCeoReviews,
  listExperiments,
} from './queries/workflow-lists.js';
import { type RecordAssumptionInput, recordAssumption } from './record/record-assumption.js';
import { type RecordCeoReviewInput, recordCeoReview } from './record/record-ceo-review.js';
import { type RecordDecisionInput, recordDecision } from './record/record-decision.js';
import {
  type RecordCycleInput,
  type RecordExperimentInput,
  recordCycle,
  recordExperiment,
} from './record/record-experiment.js';
import { type RecordHeuristicInput, recordHeuristic } from './record/record-heuristic.js';
import { type RecordInvariantInput, recordInvariant } from './record/record-invariant.js';
import { type RecordLearningInput, recordLearning } from './record/record-learning.js';
import { type RecordSpikeReportInput, recordSpikeReport } from './record/record-spike-report.js';
import { type RecordTrailInput, recordTrail } from './record/record-trail.js';
import { type RecordViolationInput, recordViolation } from './record/record-violation.js';
import { type SearchInput, search } from './search/search.js';
import { seedStarterGoldenRules } from './starters/starter-golden-rules.js';
import { statistics } from './statistics/statistics.js';
import { flushQueryLog, withQueryLog } from './telemetry/query-log.js';
import { fillTokenCounts } from './tokens/fill-token-counts.js';
import type { TokenCounter } from './tokens/token-counter.js';

export interface ElfOptions
  extends Pick<OpenDatabaseOptions, 'path' | 'busyTimeoutMs' | 'readonly' | 'log' | 'create'> {
  /** Counts tokens of new items as they are recorded (see @elf/context's o200k counter). */
  tokenCounter?: TokenCounter;
  /** Seed the starter golden rules when this open creates the database. Default true. */
  seedStarters?: boolean;
  /** Working directory whose project (see resolveProjectRoot) scopes heuristics. */
  cwd?: string;
  /** The project root directly; null = only global knowledge. Overrides `cwd`. */
  projectPath?: string | null;
  clock?: Clock;
  logger?: Logger;
  sessionId?: string | null;
  agentId?: string | null;
}

/**
 * ELF's learning memory. Open once, call methods with plain objects, get plain objects back,
 * close when done. Every query is logged to building_queries; bad input throws ElfError.
 */
export class Elf {
  readonly #handle: ElfDatabase;
  readonly context: CoreContext;

  private constructor(handle: ElfDatabase, context: CoreContext) {
    this.#handle = handle;
    this.context = context;
  }

  static async open(options: ElfOptions): Promise<Elf> {
    const clock = options.clock ?? systemClock;
    const seed = options.seedStarters !== false;
    const handle = await openDatabase({
      ...options,
      ...(seed ? { onCreate: (db) => seedStarterGoldenRules(db, clock.now().toISOString()) } : {}),
    });
    const projectPath =
      options.projectPath !== undefined ? options.projectPath : options.cwd ? resolveProjectRoot(options.cwd) : null;
    return new Elf(handle, {
      db: handle.db,
      clock,
      logger: options.logger,
      tokenCounter: options.tokenCounter,
      projectPath,
      sessionId: options.sessionId ?? null,
      agentId: options.agentId ?? null,
    });
  }

  /** The kysely handle, for the layers built on core (context, maintenance, profiling). */
  get db(): Kysely<Database> {
    return this.#handle.db;
  }
  /** The schema's handle: pragmas and the online backup API, for maintenance. */
  get database(): ElfDatabase {
    return this.#handle;
  }
  get path(): string {
    return this.#handle.path;
  }
  get schemaVersion(): number {
    return this.#handle.schemaVersion;
  }
  get projectPath(): string | null {
    return this.context.projectPath;
  }

  /** Writes pending query telemetry, then closes the database. */
  async close(): Promise<void> {
    await flushQueryLog(this.context);
    await this.#handle.close();
  }

  /** Writes the query telemetry rows still queued (they are also written on close). */
  flushTelemetry(): Promise<void> {
    return flushQueryLog(this.context);
  }

  /** Every row of a table in id order, a batch at a time (export, import, maintenance). */
  iterate<T extends IterableTable>(table: T, options?: { batchSize?: number; afterId?: number }) {
    return iterateRows(this.#handle.db, table, options);
  }

  /** Counts and stores the tokens of items that have no count yet (off the hot path). */
  fillTokenCounts(counter: TokenCounter, options?: { batchSize?: number; maxItems?: number }) {
    return fillTokenCounts(this.context, counter, options);
  }

  // Recording

  recordLearning(input: RecordLearningInput) {
    return recordLearning(this.context, input);
  }
  recordHeuristic(input: RecordHeuristicInput) {
    return recordHeuristic(this.context, input);
  }
  recordDecision(input: RecordDecisionInput) {
    return recordDecision(this.context, input);
  }
  recordAssumption(input: RecordAssumptionInput) {
    return recordAssumption(this.context, input);
  }
  recordInvariant(input: RecordInvariantInput) {
    return recordInvariant(this.context, input);
  }
  recordSpikeReport(input: RecordSpikeReportInput) {
    return recordSpikeReport(this.context, input);
  }
  recordViolation(input: RecordViolationInput) {
    return recordViolation(this.context, input);
  }
  recordExperiment(input: RecordExperimentInput) {
    return recordExperiment(this.context, input);
  }
  recordCycle(input: RecordCycleInput) {
    return recordCycle(this.context, input);
  }
  recordCeoReview(input: RecordCeoReviewInput) {
    return recordCeoReview(this.context, input);
  }
  recordTrail(input: RecordTrailInput) {
    return recordTrail(this.context, input);
  }

  // Reading by id

  getLearning(id: number | string) {
    return getLearning(this.context, id);
  }
  getHeuristic(id: number | string) {
    return getHeuristic(this.context, id);
  }

  // Queries (each logged to building_queries)

  queryByDomain(input: QueryByDomainInput) {
    return withQueryLog(
      this.context,
      { type: 'query_by_domain', domain: input.domain, limit: num(input.limit) },
      () => queryByDomain(this.context, input),
      (r) => ({
        results_returned: r.heuristics.length + r.learnings.length,
        heuristics_count: r.heuristics.length,
        learnings_count: r.learnings.length,
      }),
    );
  }
  queryByTags(input: QueryByTagsInput) {
    return withQueryLog(
      this.context,
      { type: 'query_by_tags', tags: input.tags as string | string[] | null, limit: num(input.limit) },
      () => queryByTags(this.context, input),
      (r) => ({ results_returned: r.learnings.length, learnings_count: r.learnings.length }),
    );
  }
  queryRecent(input: QueryRecentInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'query_recent', limit: num(input.limit), summary: input.type ? `type ${input.type}` : null },
      () => queryRecent(this.context, input),
      (r) => ({ results_returned: r.learnings.length, learnings_count: r.learnings.length }),
    );
  }
  goldenRules(input: GoldenRulesInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_golden_rules', limit: num(input.limit) },
      () => goldenRules(this.context, input),
      (r) => ({ results_returned: r.rules.length, golden_rules_returned: r.rules.length }),
    );
  }
  decisions(input: DecisionsInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_decisions', domain: input.domain, limit: num(input.limit) },
      () => listDecisions(this.context, input),
      (r) => ({ results_returned: r.decisions.length }),
    );
  }
  invariants(input: InvariantsInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_invariants', domain: input.domain, limit: num(input.limit) },
      () => listInvariants(this.context, input),
      (r) => ({ results_returned: r.invariants.length }),
    );
  }
  assumptions(input: AssumptionsInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_assumptions', domain: input.domain, limit: num(input.limit) },
      () => listAssumptions(this.context, input),
      (r) => ({ results_returned: r.assumptions.length }),
    );
  }
  spikeReports(input: SpikeReportsInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_spike_reports', domain: input.domain, limit: num(input.limit), summary: input.search },
      () => listSpikeReports(this.context, input),
      (r) => ({ results_returned: r.spikeReports.length }),
    );
  }
  experiments(input: ExperimentsInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_experiments', limit: num(input.limit) },
      () => listExperiments(this.context, input),
      (r) => ({ results_returned: r.experiments.length, experiments_count: r.experiments.length }),
    );
  }
  ceoReviews(input: CeoReviewsInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_ceo_reviews', limit: num(input.limit) },
      () => listCeoReviews(this.context, input),
      (r) => ({ results_returned: r.ceoReviews.length, ceo_reviews_count: r.ceoReviews.length }),
    );
  }
  violations(input: ViolationsInput = {}) {
    return withQueryLog(
      this.context,
      { type: 'get_violations', limit: num(input.limit) },
      () => listViolations(this.context, input),
      (r) => ({ results_returned: r.violations.length }),
    );
  }
  search(input: SearchInput) {
    return withQueryLog(
      this.context,
      { type: 'search', limit: num(input.limit), summary: input.text },
      () => search(this.context, input),
      (r) => ({ results_returned: r.hits.length }),
    );
  }
  statistics() {
    return withQueryLog(
      this.context,
      { type: 'get_statistics' },
      async () => {
        await flushQueryLog(this.context);
        return statistics(this.context);
      },
      () => ({ results_returned: 1 }),
    );
  }
  validateDatabase(): Promise<ValidationReport> {
    return withQueryLog(
      this.context,
      { type: 'validate_database' },
      () => validateDatabase(this.context),
      (r) => ({ results_returned: r.errors.length }),
    );
  }
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}
