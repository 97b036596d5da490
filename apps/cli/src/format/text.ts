import type {
  Assumption,
  CeoReview,
  Decision,
  Experiment,
  Heuristic,
  Invariant,
  Learning,
  SearchHit,
  SpikeReport,
  Violation,
} from '@elf/core';

// Plain-text renderings: one line per item, no colours or escape codes, so output pipes cleanly.

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const oneLine = (text: string | null | undefined, max = 120) => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * Where a heuristic applies and where it was learned, the same words everywhere:
 * `project /repo`, `global, learned in /repo`, `global` (origin unknown).
 */
export function scopeText(h: Pick<Heuristic, 'project_path' | 'origin_path'>): string {
  const learned = h.origin_path && h.origin_path !== h.project_path ? `, learned in ${h.origin_path}` : '';
  return `${h.project_path ? `project ${h.project_path}` : 'global'}${learned}`;
}

export function heuristicLine(h: Heuristic): string {
  const golden = h.is_golden ? ' ★' : '';
  return `#${h.id}  ${h.confidence.toFixed(2)}  ✓${h.times_validated} ✗${h.times_violated}  [${h.domain}]${golden} ${oneLine(h.rule)} (${scopeText(h)})`;
}

export function learningLine(l: Learning): string {
  const tags = l.tags.length > 0 ? `  {${l.tags.join(', ')}}` : '';
  return `#${l.id}  ${day(l.created_at)}  ${l.type.padEnd(11)} sev ${l.severity}  [${l.domain}] ${oneLine(l.title)}${tags}`;
}

export const decisionLine = (d: Decision) =>
  `#${d.id}  ${day(d.created_at)}  ${d.status}  [${d.domain ?? 'all'}] ${oneLine(d.title)} — ${oneLine(d.decision, 80)}`;
export const invariantLine = (i: Invariant) =>
  `#${i.id}  ${i.severity}/${i.scope}  ${i.status}${i.violation_count ? ` ✗${i.violation_count}` : ''}  [${i.domain ?? 'all'}] ${oneLine(i.statement)}`;
export const assumptionLine = (a: Assumption) =>
  `#${a.id}  ${a.confidence.toFixed(2)}  ${a.status}  ✓${a.verified_count} ✗${a.challenged_count}  [${a.domain ?? 'all'}] ${oneLine(a.assumption)}`;
export const spikeLine = (s: SpikeReport) =>
  `#${s.id}  ${day(s.created_at)}  ${s.usefulness_score.toFixed(1)}/5  [${s.domain ?? 'all'}] ${oneLine(s.title)} — ${oneLine(s.findings, 80)}`;
export const experimentLine = (e: Experiment) =>
  `#${e.id}  ${e.status}  cycles ${e.cycles_run}  ${oneLine(e.name, 60)} — ${oneLine(e.hypothesis, 80)}`;
export const reviewLine = (r: CeoReview) => `#${r.id}  ${day(r.created_at)}  ${r.status}  ${oneLine(r.title)}`;
export const violationLine = (v: Violation) =>
  `#${v.id}  ${day(v.violation_date)}  rule #${v.rule_id} ${oneLine(v.rule_name, 60)}${v.description ? ` — ${oneLine(v.description, 80)}` : ''}`;
export const hitLine = (h: SearchHit) =>
  `${h.kind.padEnd(12)} #${h.id}  [${h.domain ?? 'all'}]${h.detail ? ` ${h.detail}` : ''}  ${oneLine(h.title, 80)}\n    ${oneLine(h.snippet, 160)}`;

/** A titled block of lines, or a "none" line when empty. */
export function section(title: string, lines: string[], none = '(none)'): string {
  return `${title}\n${lines.length > 0 ? lines.map((line) => `  ${line}`).join('\n') : `  ${none}`}`;
}

/** `key: value` lines for a record, skipping empty values. */
export function recordText(record: object): string {
  return Object.entries(record)
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('\n');
}
