import type { ContextPreview, ExplainedCandidate, Hotspot, SessionItem, SlowQuery } from './types-more';

// Hot spots, sessions and slow queries come from the server as the stored rows (snake_case
// columns); the views read them in the dashboard's own shapes.

type Raw = Record<string, unknown>;

const pick = (raw: Raw, ...names: string[]): unknown => {
  for (const name of names) if (raw[name] !== undefined) return raw[name];
  return undefined;
};
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function hotspotOf(raw: Raw): Hotspot {
  return {
    location: String(raw.location ?? ''),
    locationType: String(raw.location_type ?? ''),
    count: num(raw.visits) ?? 0,
    strength: num(raw.strength) ?? 0,
    lastAt: String(raw.last_at ?? ''),
  };
}

export function sessionOf(raw: Raw): SessionItem {
  const tools = raw.tool_counts;
  return {
    sessionId: String(raw.session_id ?? ''),
    startedAt: String(raw.started_at ?? ''),
    endedAt: text(raw.ended_at),
    summary: text(pick(raw, 'conversation_summary', 'content_summary', 'tool_summary')),
    project: text(raw.project),
    tools:
      typeof tools === 'number' || (typeof tools === 'object' && tools !== null)
        ? (tools as SessionItem['tools'])
        : null,
    failures: num(raw.failures_count) ?? 0,
  };
}

export function slowQueryOf(raw: Raw): SlowQuery {
  return {
    id: num(raw.id) ?? 0,
    type: String(raw.query_type ?? ''),
    durationMs: num(raw.duration_ms) ?? 0,
    summary: text(raw.query_summary),
    at: String(raw.created_at ?? ''),
    results: num(raw.results_returned),
  };
}

export function contextOf(raw: Raw): ContextPreview {
  const explained = raw.candidates;
  return {
    text: String(raw.text ?? ''),
    tokens: num(raw.tokens) ?? 0,
    budget: num(raw.budget) ?? 0,
    tiers: Array.isArray(raw.tiers) ? (raw.tiers as ContextPreview['tiers']) : [],
    ...(Array.isArray(explained) ? { explained: explained as ExplainedCandidate[] } : {}),
  };
}
