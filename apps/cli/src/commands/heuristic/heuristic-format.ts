import type { Heuristic } from '@elf/core';

const pct = (c: number) => `${Math.round(c * 100)}%`;

/** One heuristic on one line: id, domain, golden star, confidence, record, rule, standing. */
export function heuristicLine(h: Heuristic): string {
  const star = h.is_golden ? '★ ' : '';
  const record = `${h.times_validated}✓ ${h.times_violated + h.times_contradicted}✗`;
  const standing =
    h.status === 'active'
      ? ''
      : h.status === 'superseded' && h.superseded_by
        ? ` [superseded by #${h.superseded_by}]`
        : ` [${h.status}${h.status_reason ? `: ${h.status_reason}` : ''}]`;
  return `#${h.id} [${h.domain}] ${star}${pct(h.confidence)} (${record}) ${h.rule}${standing}`;
}

export interface HistoryRow {
  created_at: string;
  update_type: string;
  source: string;
  old_confidence: number;
  new_confidence: number;
  rate_limited: boolean;
  session_id: string | null;
  reason: string | null;
}

/** One audit row: when, what, who, old → new, why. */
export function historyLine(u: HistoryRow): string {
  const move =
    u.old_confidence === u.new_confidence ? `${u.new_confidence}` : `${u.old_confidence} → ${u.new_confidence}`;
  const held = u.rate_limited ? ' (rate-limited, not applied)' : '';
  const session = u.session_id ? ` session ${u.session_id}` : '';
  return `${u.created_at.slice(0, 19).replace('T', ' ')}  ${u.update_type.padEnd(12)} ${u.source.padEnd(6)} ${move}${held}${session}${u.reason ? ` — ${u.reason}` : ''}`;
}
