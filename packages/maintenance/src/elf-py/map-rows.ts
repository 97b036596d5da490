import {
  assumptionStatuses,
  ceoReviewStatuses,
  decisionStatuses,
  experimentStatuses,
  heuristicSourceTypes,
  invariantScopes,
  invariantSeverities,
  invariantStatuses,
  invariantValidationTypes,
  learningTypes,
} from '@elf/schema';
import {
  between,
  type Column,
  choice,
  counter,
  dated,
  domainOrNull,
  fitted,
  flag,
  idOrNull,
  jsonList,
  kept,
  keptOrNull,
  type Row,
  readColumns,
  tags,
  text,
  textOrUnrecorded,
  timestamp,
  timestampOrNow,
} from './legacy-columns.js';
import { clamp, count, fitText, legacyDomain, legacyText } from './legacy-values.js';

// One mapping per table of the original ELF: its row (whatever columns that version had) → a row
// for ours, or a reason to skip it. Most are a list of columns (see legacy-columns.ts); learnings
// and heuristics also keep a text too long for our column. `note` records what had to be adjusted.

export type Mapped = { row: Row } | { skip: string };
export type Note = (message: string) => void;

/** A table mapped column by column; a row without text in `required` is skipped for `reason`. */
function byColumns(required: [column: string, reason: string] | null, columns: Record<string, Column>) {
  return (r: Row, now: string): Mapped =>
    required && !legacyText(r[required[0]]) ? { skip: required[1] } : { row: readColumns(r, now, columns) };
}

/**
 * A text our column cannot hold whole is cut, and kept whole at the start of a longer column of the
 * same row (which is then cut to its own size), with a note saying so.
 */
function keepWhole(r: Row, note: Note, column: string, max: number, into: string, intoMax: number): Row {
  const whole = legacyText(r[column]) ?? '';
  const cut = fitText(whole, max);
  let longer = legacyText(r[into]);
  if (cut.cut) {
    note(`${column} shortened to ${max} characters; the full ${column} starts the ${into}`);
    longer = longer ? `${whole}\n\n${longer}` : whole;
  }
  return { [column]: cut.text, [into]: longer ? fitText(longer, intoMax).text : null };
}

const domainOrGeneral: Column = (value) => legacyDomain(value) ?? 'general';
const none: Column = () => null;

export const mapLearning = (r: Row, now: string, note: Note): Mapped => {
  if (!legacyText(r.title)) return { skip: 'no title' };
  const row = readColumns(r, now, {
    id: kept,
    type: choice(learningTypes, 'observation'),
    filepath: text,
    tags,
    domain: domainOrGeneral,
    severity: (value) => Math.round(clamp(value, 1, 5, 3)),
    project_path: none,
    ...dated,
  });
  return { row: { ...row, ...keepWhole(r, note, 'title', 500, 'summary', 50_000) } };
};

const statusMap: Record<string, string> = {
  active: 'active',
  dormant: 'dormant',
  archived: 'archived',
  deprecated: 'archived',
};

export const mapHeuristic = (r: Row, now: string, note: Note): Mapped => {
  if (!legacyText(r.rule)) return { skip: 'no rule' };
  const whole = keepWhole(r, note, 'rule', 500, 'explanation', 5000);
  const row = readColumns(r, now, {
    id: kept,
    domain: domainOrGeneral,
    source_type: choice(heuristicSourceTypes, 'import'),
    source_id: idOrNull,
    confidence: between(0, 1, 0.5),
    times_validated: counter,
    times_violated: counter,
    times_contradicted: counter,
    times_consulted: counter,
    is_golden: flag,
    status: (value) => statusMap[String(value ?? 'active')] ?? 'active',
    superseded_by: none,
    project_path: text,
    last_used_at: timestamp,
    ...dated,
  });
  if (typeof r.domain === 'string' && row.domain !== r.domain) note(`domain "${r.domain}" stored as "${row.domain}"`);
  // The original's project_path is a scope someone chose (NULL = global), kept as it is; a rule
  // confined to a project was learned there. Where a global one was learned is not recorded.
  return { row: { ...row, origin_path: row.project_path ?? null, ...whole } };
};

export const mapExperiment = byColumns(['name', 'no name'], {
  id: kept,
  name: fitted(200),
  hypothesis: text,
  status: choice(experimentStatuses, 'active'),
  cycles_run: counter,
  folder_path: text,
  ...dated,
});

export const mapCycle = byColumns(null, {
  id: kept,
  experiment_id: kept,
  cycle_number: (value) => Math.max(1, count(value)),
  try_summary: text,
  break_summary: text,
  analysis: text,
  learning_extracted: text,
  heuristic_id: keptOrNull,
  created_at: timestampOrNow,
});

export const mapCeoReview = byColumns(['title', 'no title'], {
  id: kept,
  title: fitted(500),
  context: text,
  recommendation: text,
  status: choice(ceoReviewStatuses, 'pending'),
  created_at: timestampOrNow,
  reviewed_at: timestamp,
});

export const mapDecision = byColumns(['title', 'no title'], {
  id: kept,
  title: fitted(500),
  context: textOrUnrecorded,
  options_considered: text,
  decision: textOrUnrecorded,
  rationale: textOrUnrecorded,
  files_touched: jsonList,
  tests_added: jsonList,
  status: choice(decisionStatuses, 'accepted'),
  domain: domainOrNull,
  superseded_by: idOrNull,
  ...dated,
});

export const mapInvariant = byColumns(['statement', 'no statement'], {
  id: kept,
  statement: fitted(5000),
  rationale: textOrUnrecorded,
  domain: domainOrNull,
  scope: choice(invariantScopes, 'codebase'),
  validation_type: (value) => (invariantValidationTypes.includes(value as never) ? value : null),
  validation_code: text,
  severity: choice(invariantSeverities, 'error'),
  status: choice(invariantStatuses, 'active'),
  violation_count: counter,
  last_validated_at: timestamp,
  last_violated_at: timestamp,
  ...dated,
});

export const mapAssumption = byColumns(['assumption', 'no assumption text'], {
  id: kept,
  assumption: fitted(5000),
  context: text,
  source: text,
  confidence: between(0, 1, 0.5),
  status: choice(assumptionStatuses, 'active'),
  domain: domainOrNull,
  verified_count: counter,
  challenged_count: counter,
  last_verified_at: timestamp,
  ...dated,
});

export const mapSpikeReport = byColumns(['title', 'no title'], {
  id: kept,
  title: fitted(500),
  topic: fitted(500),
  question: fitted(5000),
  findings: fitted(50_000),
  gotchas: text,
  resources: text,
  time_invested_minutes: (value) => (value == null ? null : count(value)),
  domain: domainOrNull,
  tags,
  usefulness_score: between(0, 5, 0),
  access_count: counter,
  ...dated,
});

export const mapViolation = byColumns(null, {
  id: kept,
  rule_id: kept,
  rule_name: (value, row) => fitText(legacyText(value) ?? `rule ${String(row.rule_id)}`, 500).text,
  violation_date: timestampOrNow,
  description: text,
  session_id: text,
  acknowledged: flag,
});
