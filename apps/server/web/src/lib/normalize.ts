import type { ContextPreview, ExplainedCandidate, Hotspot, SessionItem, SlowQuery } from './types-more';

// The server's shapes for hot spots, sessions and slow queries, read in either spelling: the
// contract's camelCase or the stored rows' snake_case, whichever the server sends.

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
    locationType: String(pick(raw, 'locationType', 'location_type') ?? ''),
    count: num(pick(raw, 'count', 'visits')) ?? 0,
    strength: num(raw.strength) ?? 0,
    lastAt: String(pick(raw, 'lastAt', 'last_at') ?? ''),
  };
}

export function sessionOf(raw: Raw): SessionItem {
  const tools = pick(raw, 'tools', 'tool_counts');
  return {
    sessionId: String(pick(raw, 'sessionId', 'session_id') ?? ''),
    startedAt: String(pick(raw, 'startedAt', 'started_at') ?? ''),
    endedAt: text(pick(raw, 'endedAt', 'ended_at')),
    summary: text(pick(raw, 'summary', 'conversation_summary', 'content_summary', 'tool_summary')),
    project: text(raw.project),
    tools:
      typeof tools === 'number' || (typeof tools === 'object' && tools !== null)
        ? (tools as SessionItem['tools'])
        : null,
    failures: num(pick(raw, 'failures', 'failures_count')) ?? 0,
  };
}

export function slowQueryOf(raw: Raw): SlowQuery {
  return {
    id: num(raw.id) ?? 0,
    type: String(pick(raw, 'type', 'query_type') ?? ''),
    durationMs: num(pick(raw, 'durationMs', 'duration_ms')) ?? 0,
    summary: text(pick(raw, 'summary', 'query_summary')),
    at: String(pick(raw, 'at', 'created_at') ?? ''),
    results: num(pick(raw, 'results', 'results_returned')),
  };
}

export function contextOf(raw: Raw): ContextPreview {
  const explained = pick(raw, 'explained', 'candidates');
  return {
    text: String(raw.text ?? ''),
    tokens: num(raw.tokens) ?? 0,
    budget: num(raw.budget) ?? 0,
    tiers: Array.isArray(raw.tiers) ? (raw.tiers as ContextPreview['tiers']) : [],
    ...(Array.isArray(explained) ? { explained: explained as ExplainedCandidate[] } : {}),
  };
}
