import type { DecisionRow, HeuristicRow, LearningRow, SpikeReportRow, ViolationRow } from '@elf/schema';
import type { Decision, Heuristic, Learning, Page, SpikeReport, Violation } from './types.js';

export function splitTags(tags: string | null): string[] {
  return tags ? tags.split(',').filter(Boolean) : [];
}

export function joinTags(tags: readonly string[]): string | null {
  return tags.length > 0 ? tags.join(',') : null;
}

function parseJsonList(value: string | null): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export const toLearning = (row: LearningRow): Learning => ({ ...row, tags: splitTags(row.tags) });
export const toHeuristic = (row: HeuristicRow): Heuristic => ({ ...row, is_golden: row.is_golden === 1 });
export const toSpikeReport = (row: SpikeReportRow): SpikeReport => ({ ...row, tags: splitTags(row.tags) });
export const toViolation = (row: ViolationRow): Violation => ({ ...row, acknowledged: row.acknowledged === 1 });
export const toDecision = (row: DecisionRow): Decision => ({
  ...row,
  files_touched: parseJsonList(row.files_touched),
  tests_added: parseJsonList(row.tests_added),
});

/** Page bookkeeping for a query that fetched up to `limit` rows from `offset`. */
export function page(limit: number, offset: number, returned: number): Page {
  return { limit, offset, nextOffset: returned === limit ? offset + limit : null };
}
