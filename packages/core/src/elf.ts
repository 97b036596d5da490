import { type Database, type ElfDatabase, type OpenDatabaseOptions, openDatabase } from '@elf/schema';
import type { Kysely, Selectable } from 'kysely';
import { type Clock, type CoreHandle, type Logger, systemClock } from './core-handle.js';
import { setHeuristicScope } from './lifecycle/heuristic-scope.js';
import type { HeuristicScope } from './lifecycle/settings.js';
import { resolveProjectRoot } from './project/project-root.js';
import { getHeuristic, getLearning } from './queries/get-by-id.js';
import type { GoldenRulesInput } from './queries/golden-rules.js';
import { type IterableTable, iterateRows } from './queries/iterate-rows.js';
import type { AssumptionsInput, DecisionsInput, InvariantsInput } from './queries/knowledge-lists.js';
import * as logged from './queries/logged-queries.js';
import type { QueryByDomainInput } from './queries/query-by-domain.js';
import type { QueryByTagsInput } from './queries/query-by-tags.js';
import type { QueryRecentInput } from './queries/query-recent.js';
import type { SpikeReportsInput } from './queries/spike-reports.js';
import type { ViolationsInput } from './queries/violations.js';
import type { CeoReviewsInput, ExperimentsInput } from './queries/workflow-lists.js';
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
import type { SearchInput } from './search/search.js';
import { seedStarterGoldenRules } from './starters/starter-golden-rules.js';
import { flushQueryLog } from './telemetry/query-log.js';
import { fillTokenCounts } from './tokens/fill-token-counts.js';
import type { TokenCounter } from './tokens/token-counter.js';

export interface ElfOptions
  extends Pick<OpenDatabaseOptions, 'path' | 'busyTimeoutMs' | 'busyWait' | 'readonly' | 'log' | 'create'> {
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
  readonly core: CoreHandle;
  /** A view made by `scoped`: closing it leaves the connection to the Elf it came from. */
  readonly #view: boolean;

  private constructor(handle: ElfDatabase, core: CoreHandle, view = false) {
    this.#handle = handle;
    this.core = core;
    this.#view = view;
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
      unmarked: { rows: 0 },
    });
  }

  /**
   * The same open database seen from another agent session or project (a server answers many
   * sessions over one connection). The view shares the connection and what belongs to it (the
   * count of unmarked rows behind the change marker, the search cache, the token counter, the
   * queue of telemetry rows); its own are the project, the session and the agent. Its close()
   * does nothing: the rows it queued are written with the connection's next batch (when 50 are
   * queued, on flushTelemetry(), or when the Elf it came from closes).
   */
  scoped(options: Pick<ElfOptions, 'cwd' | 'projectPath' | 'sessionId' | 'agentId'>): Elf {
    const base = this.core;
    const projectPath =
      options.projectPath !== undefined ? options.projectPath : options.cwd ? resolveProjectRoot(options.cwd) : null;
    base.telemetryBuffer ??= [];
    const core: CoreHandle = {
      db: base.db,
      clock: base.clock,
      logger: base.logger,
      tokenCounter: base.tokenCounter,
      projectPath,
      sessionId: options.sessionId ?? null,
      agentId: options.agentId ?? null,
      // One queue for the connection: a view's rows are written with the next batch, not one
      // transaction per view (a server closes a view per hook event).
      telemetryBuffer: base.telemetryBuffer,
      // Counted per connection, not per view: the change marker subtracts every such row this connection wrote.
      unmarked: base.unmarked,
    };
    Object.defineProperty(core, 'searchCache', {
      get: () => base.searchCache,
      set: (cache: CoreHandle['searchCache']) => {
        base.searchCache = cache;
      },
      enumerable: true,
    });
    return new Elf(this.#handle, core, true);
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
    return this.core.projectPath;
  }

  /** Writes pending query telemetry, then closes the database. */
  async close(): Promise<void> {
    if (this.#view) return;
    await flushQueryLog(this.core);
    await this.#handle.close();
  }

  /** Writes the query telemetry rows still queued (they are also written on close). */
  flushTelemetry(): Promise<void> {
    return flushQueryLog(this.core);
  }

  /**
   * Every row of a table in id order, a batch at a time (export, import, maintenance). The return
   * type is spelled out: inferred, the declaration file expanded kysely's Selectable into a form
   * that fails to type-check in consumers (skipLibCheck: false).
   */
  iterate<T extends IterableTable>(
    table: T,
    options?: { batchSize?: number; afterId?: number },
  ): AsyncGenerator<Selectable<Database[T]>> {
    return iterateRows(this.#handle.db, table, options);
  }

  /** Counts and stores the tokens of items that have no count yet (off the hot path). */
  fillTokenCounts(counter: TokenCounter, options?: { batchSize?: number; maxItems?: number }) {
    return fillTokenCounts(this.core, counter, options);
  }

  // Recording

  recordLearning(input: RecordLearningInput) {
    return recordLearning(this.core, input);
  }
  recordHeuristic(input: RecordHeuristicInput) {
    return recordHeuristic(this.core, input);
  }
  recordDecision(input: RecordDecisionInput) {
    return recordDecision(this.core, input);
  }
  recordAssumption(input: RecordAssumptionInput) {
    return recordAssumption(this.core, input);
  }
  recordInvariant(input: RecordInvariantInput) {
    return recordInvariant(this.core, input);
  }
  recordSpikeReport(input: RecordSpikeReportInput) {
    return recordSpikeReport(this.core, input);
  }
  recordViolation(input: RecordViolationInput) {
    return recordViolation(this.core, input);
  }
  recordExperiment(input: RecordExperimentInput) {
    return recordExperiment(this.core, input);
  }
  recordCycle(input: RecordCycleInput) {
    return recordCycle(this.core, input);
  }
  recordCeoReview(input: RecordCeoReviewInput) {
    return recordCeoReview(this.core, input);
  }
  recordTrail(input: RecordTrailInput) {
    return recordTrail(this.core, input);
  }

  // Changing

  /** Makes a heuristic global, or confines it to the project it was learned in (see setHeuristicScope). */
  setHeuristicScope(id: number, scope: HeuristicScope) {
    return setHeuristicScope(this.core, { id, scope });
  }

  // Reading by id

  getLearning(id: number | string) {
    return getLearning(this.core, id);
  }
  getHeuristic(id: number | string) {
    return getHeuristic(this.core, id);
  }

  // Queries (each logged to building_queries)

  queryByDomain(input: QueryByDomainInput) {
    return logged.queryByDomainLogged(this.core, input);
  }
  queryByTags(input: QueryByTagsInput) {
    return logged.queryByTagsLogged(this.core, input);
  }
  queryRecent(input: QueryRecentInput = {}) {
    return logged.queryRecentLogged(this.core, input);
  }
  goldenRules(input: GoldenRulesInput = {}) {
    return logged.goldenRulesLogged(this.core, input);
  }
  decisions(input: DecisionsInput = {}) {
    return logged.decisionsLogged(this.core, input);
  }
  invariants(input: InvariantsInput = {}) {
    return logged.invariantsLogged(this.core, input);
  }
  assumptions(input: AssumptionsInput = {}) {
    return logged.assumptionsLogged(this.core, input);
  }
  spikeReports(input: SpikeReportsInput = {}) {
    return logged.spikeReportsLogged(this.core, input);
  }
  experiments(input: ExperimentsInput = {}) {
    return logged.experimentsLogged(this.core, input);
  }
  ceoReviews(input: CeoReviewsInput = {}) {
    return logged.ceoReviewsLogged(this.core, input);
  }
  violations(input: ViolationsInput = {}) {
    return logged.violationsLogged(this.core, input);
  }
  search(input: SearchInput) {
    return logged.searchLogged(this.core, input);
  }
  statistics() {
    return logged.statisticsLogged(this.core);
  }
  validateDatabase() {
    return logged.validateDatabaseLogged(this.core);
  }
  /** Domains that hold knowledge (for inferring a task's domains). */
  knownDomains() {
    return logged.knownDomainsLogged(this.core);
  }
}
