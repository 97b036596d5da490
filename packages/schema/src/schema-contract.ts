// What a current ELF database must contain; `validateDatabase` (core) and tests check against it.

/** Tables kysely knows, plus the FTS5 indexes beside them. */
export const expectedTables = [
  'learnings',
  'learning_tags',
  'heuristics',
  'decisions',
  'invariants',
  'assumptions',
  'spike_reports',
  'experiments',
  'cycles',
  'ceo_reviews',
  'violations',
  'metrics',
  'building_queries',
  'trails',
  'session_summaries',
  'confidence_updates',
  'domain_stats',
  'session_injections',
  'heuristic_consultations',
  'session_tools',
  'session_captures',
  'settings',
  'kept_counts',
  'building_query_days',
] as const;

export const ftsTables = [
  'learnings_fts',
  'heuristics_fts',
  'decisions_fts',
  'spike_reports_fts',
  'invariants_fts',
  'assumptions_fts',
] as const;

/** The seed guide's indexes and those the hot queries depend on. */
export const expectedIndexes = [
  'idx_learnings_created_at',
  'idx_learnings_domain_created_at',
  'idx_learnings_type_created_at',
  'idx_heuristics_is_golden',
  'idx_heuristics_confidence',
  'idx_heuristics_created_at',
  'idx_heuristics_domain_confidence',
  'idx_heuristics_project_path',
  'idx_decisions_status_created_at',
  'idx_invariants_status_created_at',
  'idx_assumptions_status_confidence',
  'idx_spike_reports_usefulness',
  'idx_experiments_status_created_at',
  'idx_ceo_reviews_status_created_at',
  'idx_violations_violation_date',
  'idx_building_queries_created_at',
  'idx_building_queries_duration',
  'idx_heuristics_origin_confidence',
  'idx_heuristics_source',
  'idx_heuristics_domain_created',
] as const;
