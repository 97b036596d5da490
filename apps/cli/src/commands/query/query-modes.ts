import type { Elf, SearchHit } from '@elf/core';
import {
  assumptionLine,
  decisionLine,
  experimentLine,
  heuristicLine,
  hitLine,
  invariantLine,
  learningLine,
  reviewLine,
  section,
  spikeLine,
  violationLine,
} from '../../format/text.js';
import { integerOption } from '../../runtime/number-option.js';

export interface QueryOptions {
  domain?: string;
  tags?: string;
  recent?: boolean;
  days?: string;
  type?: string;
  search?: string;
  stats?: boolean;
  goldenRules?: boolean;
  category?: string;
  decisions?: boolean;
  invariants?: boolean;
  assumptions?: boolean;
  spikes?: boolean;
  experiments?: boolean;
  ceoReviews?: boolean;
  violations?: boolean;
  trails?: boolean;
  hotspots?: boolean;
  sessions?: boolean;
  status?: string;
  scope?: string;
  severity?: string;
  minConfidence?: string;
  limit?: string;
  offset?: string;
  format?: string;
}

/** What a query mode produces: the JSON document, the rows for CSV, and the text rendering. */
export interface ModeResult {
  data: unknown;
  rows: Record<string, unknown>[];
  text: string;
}

type Mode = (elf: Elf, o: QueryOptions) => Promise<ModeResult>;

const listTrails = async (elf: Elf, input: { days: number; limit: number }) =>
  (await import('@elf/core')).listTrails(elf.core, input);
const listHotspots = async (elf: Elf, input: { days: number; limit: number }) =>
  (await import('@elf/core')).hotspots(elf.core, input);
const listSessionSummaries = async (elf: Elf, input: { limit: number }) =>
  (await import('@elf/core')).listSessions(elf.core, input);

/** A hit that no longer holds shows why in place of its status: `[retracted: …]`, `[superseded by #N]`. */
function markedHitLine(hit: SearchHit): string {
  if (!hit.retired) return hitLine(hit);
  const why = hit.retired.replace(/\s+/g, ' ').trim();
  return hitLine({ ...hit, detail: `[${why.length > 120 ? `${why.slice(0, 119)}…` : why}]` });
}

const paging = (o: QueryOptions) => ({ limit: o.limit, offset: o.offset });
const rows = <T extends object>(items: T[], kind?: string) =>
  items.map((item) => (kind ? { kind, ...item } : { ...item }) as Record<string, unknown>);

/** Modes that take --domain/--tags as filters; without one of them, --domain or --tags is the mode. */
export const listModes = {
  search: async (elf, o) => {
    const r = await elf.search({ text: o.search ?? '', ...paging(o) });
    return { data: r, rows: rows(r.hits), text: section(`Search: ${r.text}`, r.hits.map(markedHitLine), 'no matches') };
  },
  stats: async (elf) => {
    const s = await elf.statistics();
    const lines = [
      `learnings: ${s.total_learnings} (${
        Object.entries(s.learnings_by_type)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      })`,
      `heuristics: ${s.total_heuristics} (golden ${s.golden_heuristics})`,
      `decisions: ${s.total_decisions}, invariants: ${s.total_invariants}, assumptions: ${s.total_assumptions}, spike reports: ${s.total_spike_reports}`,
      `experiments: ${s.total_experiments}, CEO reviews: ${s.total_ceo_reviews}, violations (7 days): ${s.violations_7d}`,
      `domains: ${Object.keys(s.learnings_by_domain).length + Object.keys(s.heuristics_by_domain).length > 0 ? [...new Set([...Object.keys(s.learnings_by_domain), ...Object.keys(s.heuristics_by_domain)])].sort().join(', ') : 'none'}`,
      `queries: ${s.total_queries} total, ${s.queries_today} today, avg ${s.avg_query_time_ms ?? '-'} ms, p95 ${s.p95_query_time_ms ?? '-'} ms`,
    ];
    return { data: s, rows: [s as unknown as Record<string, unknown>], text: lines.join('\n') };
  },
  goldenRules: async (elf, o) => {
    const r = await elf.goldenRules({ categories: o.category ?? null, ...paging(o) });
    return {
      data: r,
      rows: rows(r.rules),
      text: section('Golden rules', r.rules.map(heuristicLine), 'no golden rules yet'),
    };
  },
  decisions: async (elf, o) => {
    const r = await elf.decisions({ domain: o.domain ?? null, status: o.status, ...paging(o) });
    return { data: r, rows: rows(r.decisions), text: section('Decisions', r.decisions.map(decisionLine)) };
  },
  invariants: async (elf, o) => {
    const r = await elf.invariants({
      domain: o.domain ?? null,
      status: o.status,
      scope: o.scope ?? null,
      severity: o.severity ?? null,
      ...paging(o),
    });
    return { data: r, rows: rows(r.invariants), text: section('Invariants', r.invariants.map(invariantLine)) };
  },
  assumptions: async (elf, o) => {
    const r = await elf.assumptions({
      domain: o.domain ?? null,
      status: o.status,
      min_confidence: o.minConfidence,
      ...paging(o),
    });
    return { data: r, rows: rows(r.assumptions), text: section('Assumptions', r.assumptions.map(assumptionLine)) };
  },
  spikes: async (elf, o) => {
    const r = await elf.spikeReports({ domain: o.domain ?? null, tags: o.tags ?? null, ...paging(o) });
    return { data: r, rows: rows(r.spikeReports), text: section('Spike reports', r.spikeReports.map(spikeLine)) };
  },
  experiments: async (elf, o) => {
    const r = await elf.experiments({ status: o.status, ...paging(o) });
    return { data: r, rows: rows(r.experiments), text: section('Experiments', r.experiments.map(experimentLine)) };
  },
  ceoReviews: async (elf, o) => {
    const r = await elf.ceoReviews({ status: o.status, ...paging(o) });
    return { data: r, rows: rows(r.ceoReviews), text: section('CEO reviews', r.ceoReviews.map(reviewLine)) };
  },
  violations: async (elf, o) => {
    const r = await elf.violations({ days: o.days, ...paging(o) });
    const head = `Violations in the last ${r.days} days: ${r.total} (${r.unacknowledged} unacknowledged) — ${r.level.toUpperCase()}`;
    const byRule = r.by_rule.map((rule) => `rule #${rule.rule_id} ${rule.rule_name}: ${rule.count}`);
    return {
      data: r,
      rows: rows(r.violations),
      text: [head, section('By rule', byRule), section('Recent', r.violations.map(violationLine))].join('\n'),
    };
  },
  trails: async (elf, o) => {
    const days = await integerOption(o.days ?? '7', 'days', 1, 3650);
    const trails = await listTrails(elf, { days, limit: await integerOption(o.limit ?? '50', 'limit', 1, 1000) });
    const lines = trails.map(
      (t) =>
        `${t.created_at.slice(0, 16).replace('T', ' ')}  ${t.scent.padEnd(6)} ${t.location}${t.message ? `  (${t.message})` : ''}`,
    );
    return {
      data: { days, trails },
      rows: rows(trails),
      text: section(`Trails of the last ${days} days`, lines, 'no trails'),
    };
  },
  hotspots: async (elf, o) => {
    const days = await integerOption(o.days ?? '7', 'days', 1, 3650);
    const spots = await listHotspots(elf, { days, limit: await integerOption(o.limit ?? '20', 'limit', 1, 1000) });
    const lines = spots.map(
      (h) =>
        `${String(h.strength).padStart(7)}  ${String(h.visits).padStart(4)}×  ${h.location}  [${h.scents}]  last ${h.last_at.slice(0, 10)}`,
    );
    return {
      data: { days, hotspots: spots },
      rows: rows(spots),
      text: section(`Hotspots of the last ${days} days (strength, visits)`, lines, 'no trails'),
    };
  },
  sessions: async (elf, o) => {
    const sessions = await listSessionSummaries(elf, { limit: await integerOption(o.limit ?? '20', 'limit', 1, 1000) });
    const lines = sessions.map(
      (s) =>
        `${s.started_at.slice(0, 16).replace('T', ' ')}  ${s.session_id.slice(0, 12)}  ${s.tool_summary ?? ''}${s.content_summary ? ` — ${s.content_summary}` : ''}${s.conversation_summary ? ` — ${s.conversation_summary}` : ''}`,
    );
    return { data: { sessions }, rows: rows(sessions), text: section('Sessions', lines, 'no sessions recorded') };
  },
  recent: async (elf, o) => {
    const r = await elf.queryRecent({ days: o.days, type: o.type ?? null, ...paging(o) });
    const title = `Learnings of the last ${r.days} days${r.type ? ` (${r.type})` : ''}`;
    return { data: r, rows: rows(r.learnings), text: section(title, r.learnings.map(learningLine)) };
  },
} satisfies Record<string, Mode>;

export const domainMode: Mode = async (elf, o) => {
  const r = await elf.queryByDomain({ domain: o.domain ?? '', ...paging(o) });
  return {
    data: r,
    rows: [...rows(r.heuristics, 'heuristic'), ...rows(r.learnings, 'learning')],
    text: [
      `Domain: ${r.domain}`,
      section('Heuristics', r.heuristics.map(heuristicLine)),
      section('Learnings', r.learnings.map(learningLine)),
    ].join('\n'),
  };
};

export const tagsMode: Mode = async (elf, o) => {
  const r = await elf.queryByTags({ tags: o.tags ?? '', ...paging(o) });
  return {
    data: r,
    rows: rows(r.learnings),
    text: section(`Tags: ${r.tags.join(', ')}`, r.learnings.map(learningLine)),
  };
};
