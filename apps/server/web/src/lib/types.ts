// The API's shapes the dashboard reads (the server's README and /api/openapi.json): core's items
// keep their column names.

export interface ListPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Heuristic {
  id: number;
  domain: string;
  rule: string;
  explanation: string | null;
  source_type: string;
  confidence: number;
  times_validated: number;
  times_violated: number;
  times_contradicted: number;
  times_consulted: number;
  is_golden: boolean;
  category: string | null;
  status: string;
  status_reason: string | null;
  superseded_by: number | null;
  project_path: string | null;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HistoryEntry {
  type: string;
  oldConfidence: number;
  newConfidence: number;
  source: string;
  reason: string | null;
  sessionId: string | null;
  at: string;
}

export interface Learning {
  id: number;
  type: string;
  title: string;
  summary: string | null;
  tags: string[];
  domain: string;
  severity: number;
  project_path: string | null;
  created_at: string;
}

export interface Statistics {
  learnings_by_type: Record<string, number>;
  heuristics_by_domain: Record<string, number>;
  learnings_by_domain: Record<string, number>;
  golden_heuristics: number;
  total_learnings: number;
  total_heuristics: number;
  total_decisions: number;
  total_experiments: number;
  total_invariants: number;
  total_assumptions: number;
  total_spike_reports: number;
  total_ceo_reviews: number;
  violations_7d: number;
  total_queries: number;
  queries_today: number;
  avg_query_time_ms: number | null;
  p95_query_time_ms: number | null;
}

export interface VelocityCounts {
  failures: number;
  successes: number;
  observations: number;
  heuristics: number;
  promotions: number;
}
export type VelocityDay = VelocityCounts & { date: string };
export type VelocityWeek = VelocityCounts & { week: string };
export interface Velocity {
  daily: VelocityDay[];
  weekly: VelocityWeek[];
}
