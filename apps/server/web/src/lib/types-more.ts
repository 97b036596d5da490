// Shapes of the search, context, hot-spot, session and query routes.

export interface SearchHit {
  kind: string;
  id: number;
  title: string;
  snippet: string;
  score: number;
  domain: string | null;
  detail: string | null;
  retired: string | null;
  created_at: string;
}
export interface SearchResult {
  hits: SearchHit[];
}

export interface ContextItem {
  kind: string;
  id: number;
  text: string;
  score: number;
  shortened?: boolean;
}
export interface ContextTier {
  tier: number;
  title?: string;
  tokens: number;
  items: ContextItem[];
}
export interface ExplainedCandidate {
  kind: string;
  id: number;
  tier: number;
  score: number;
  why: string;
  included: boolean;
  reason: string | null;
}
export interface ContextPreview {
  text: string;
  tokens: number;
  budget: number;
  tiers: ContextTier[];
  explained?: ExplainedCandidate[];
}

export interface TreeNode {
  name: string;
  value?: number;
  children?: TreeNode[];
}
export interface Hotspot {
  location: string;
  locationType: string;
  count: number;
  strength: number;
  lastAt: string;
}
export interface Hotspots {
  items: Hotspot[];
  total: number;
  treemap: TreeNode;
}

export interface SessionItem {
  sessionId: string;
  startedAt: string;
  endedAt: string | null;
  summary: string | null;
  project: string | null;
  tools: number | Record<string, number> | null;
  failures: number;
}
export interface SessionDetail {
  session: Record<string, unknown>;
  summary: unknown;
  injections: Array<Record<string, unknown>>;
}

export interface SlowQuery {
  id: number;
  type: string;
  durationMs: number;
  summary: string | null;
  at: string;
  results: number | null;
}
