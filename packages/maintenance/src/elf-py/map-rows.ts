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
  clamp,
  count,
  fitText,
  legacyDomain,
  legacyTags,
  legacyText,
  legacyTimestamp,
  oneOf,
} from './legacy-values.js';

// One function per table of the original ELF: its row (whatever columns that version had) →
// a row for ours, or a reason to skip it. `note` records what had to be adjusted on the way.

type Row = Record<string, unknown>;
export type Mapped = { row: Row } | { skip: string };
export type Note = (message: string) => void;

const json = (value: unknown): string | null => {
  const text = legacyText(value);
  if (text === null) return null;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return JSON.stringify(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
};

function times(r: Row, now: string) {
  const created = legacyTimestamp(r.created_at) ?? now;
  return { created_at: created, updated_at: legacyTimestamp(r.updated_at) ?? created };
}

export const mapLearning = (r: Row, now: string, note: Note): Mapped => {
  const title = legacyText(r.title);
  if (!title) return { skip: 'no title' };
  const fitted = fitText(title, 500);
  let summary = legacyText(r.summary);
  if (fitted.cut) {
    note(`title shortened to 500 characters; the full title starts the summary`);
    summary = summary ? `${title}\n\n${summary}` : title;
  }
  return {
    row: {
      id: r.id,
      type: oneOf(r.type, learningTypes, 'observation'),
      filepath: legacyText(r.filepath),
      title: fitted.text,
      summary: summary ? fitText(summary, 50_000).text : null,
      tags: legacyTags(r.tags),
      domain: legacyDomain(r.domain) ?? 'general',
      severity: Math.round(clamp(r.severity, 1, 5, 3)),
      project_path: null,
      ...times(r, now),
    },
  };
};

const statusMap: Record<string, string> = {
  active: 'active',
  dormant: 'dormant',
  archived: 'archived',
  deprecated: 'archived',
};

export const mapHeuristic = (r: Row, now: string, note: Note): Mapped => {
  const rule = legacyText(r.rule);
  if (!rule) return { skip: 'no rule' };
  const fitted = fitText(rule, 500);
  let explanation = legacyText(r.explanation);
  if (fitted.cut) {
    note('rule shortened to 500 characters; the full rule starts the explanation');
    explanation = explanation ? `${rule}\n\n${explanation}` : rule;
  }
  const domain = legacyDomain(r.domain) ?? 'general';
  if (typeof r.domain === 'string' && domain !== r.domain) note(`domain "${r.domain}" stored as "${domain}"`);
  return {
    row: {
      id: r.id,
      domain,
      rule: fitted.text,
      explanation: explanation ? fitText(explanation, 5000).text : null,
      source_type: oneOf(r.source_type, heuristicSourceTypes, 'import'),
      source_id: Number.isInteger(r.source_id) ? r.source_id : null,
      confidence: clamp(r.confidence, 0, 1, 0.5),
      times_validated: count(r.times_validated),
      times_violated: count(r.times_violated),
      times_contradicted: count(r.times_contradicted),
      times_consulted: count(r.times_consulted),
      is_golden: r.is_golden ? 1 : 0,
      status: statusMap[String(r.status ?? 'active')] ?? 'active',
      superseded_by: null,
      project_path: legacyText(r.project_path),
      last_used_at: legacyTimestamp(r.last_used_at),
      ...times(r, now),
    },
  };
};

export const mapExperiment = (r: Row, now: string): Mapped => {
  const name = legacyText(r.name);
  if (!name) return { skip: 'no name' };
  return {
    row: {
      id: r.id,
      name: fitText(name, 200).text,
      hypothesis: legacyText(r.hypothesis),
      status: oneOf(r.status, experimentStatuses, 'active'),
      cycles_run: count(r.cycles_run),
      folder_path: legacyText(r.folder_path),
      ...times(r, now),
    },
  };
};

export const mapCycle = (r: Row, now: string): Mapped => ({
  row: {
    id: r.id,
    experiment_id: r.experiment_id,
    cycle_number: Math.max(1, count(r.cycle_number)),
    try_summary: legacyText(r.try_summary),
    break_summary: legacyText(r.break_summary),
    analysis: legacyText(r.analysis),
    learning_extracted: legacyText(r.learning_extracted),
    heuristic_id: r.heuristic_id ?? null,
    created_at: legacyTimestamp(r.created_at) ?? now,
  },
});

export const mapCeoReview = (r: Row, now: string): Mapped => {
  const title = legacyText(r.title);
  if (!title) return { skip: 'no title' };
  return {
    row: {
      id: r.id,
      title: fitText(title, 500).text,
      context: legacyText(r.context),
      recommendation: legacyText(r.recommendation),
      status: oneOf(r.status, ceoReviewStatuses, 'pending'),
      created_at: legacyTimestamp(r.created_at) ?? now,
      reviewed_at: legacyTimestamp(r.reviewed_at),
    },
  };
};

export const mapDecision = (r: Row, now: string): Mapped => {
  const title = legacyText(r.title);
  if (!title) return { skip: 'no title' };
  return {
    row: {
      id: r.id,
      title: fitText(title, 500).text,
      context: legacyText(r.context) ?? '(not recorded)',
      options_considered: legacyText(r.options_considered),
      decision: legacyText(r.decision) ?? '(not recorded)',
      rationale: legacyText(r.rationale) ?? '(not recorded)',
      files_touched: json(r.files_touched),
      tests_added: json(r.tests_added),
      status: oneOf(r.status, decisionStatuses, 'accepted'),
      domain: legacyDomain(r.domain),
      superseded_by: Number.isInteger(r.superseded_by) ? r.superseded_by : null,
      ...times(r, now),
    },
  };
};

export const mapInvariant = (r: Row, now: string): Mapped => {
  const statement = legacyText(r.statement);
  if (!statement) return { skip: 'no statement' };
  return {
    row: {
      id: r.id,
      statement: fitText(statement, 5000).text,
      rationale: legacyText(r.rationale) ?? '(not recorded)',
      domain: legacyDomain(r.domain),
      scope: oneOf(r.scope, invariantScopes, 'codebase'),
      validation_type: invariantValidationTypes.includes(r.validation_type as never) ? r.validation_type : null,
      validation_code: legacyText(r.validation_code),
      severity: oneOf(r.severity, invariantSeverities, 'error'),
      status: oneOf(r.status, invariantStatuses, 'active'),
      violation_count: count(r.violation_count),
      last_validated_at: legacyTimestamp(r.last_validated_at),
      last_violated_at: legacyTimestamp(r.last_violated_at),
      ...times(r, now),
    },
  };
};

export const mapAssumption = (r: Row, now: string): Mapped => {
  const assumption = legacyText(r.assumption);
  if (!assumption) return { skip: 'no assumption text' };
  return {
    row: {
      id: r.id,
      assumption: fitText(assumption, 5000).text,
      context: legacyText(r.context),
      source: legacyText(r.source),
      confidence: clamp(r.confidence, 0, 1, 0.5),
      status: oneOf(r.status, assumptionStatuses, 'active'),
      domain: legacyDomain(r.domain),
      verified_count: count(r.verified_count),
      challenged_count: count(r.challenged_count),
      last_verified_at: legacyTimestamp(r.last_verified_at),
      ...times(r, now),
    },
  };
};

export const mapSpikeReport = (r: Row, now: string): Mapped => {
  const title = legacyText(r.title);
  if (!title) return { skip: 'no title' };
  return {
    row: {
      id: r.id,
      title: fitText(title, 500).text,
      topic: fitText(legacyText(r.topic) ?? '', 500).text,
      question: fitText(legacyText(r.question) ?? '', 5000).text,
      findings: fitText(legacyText(r.findings) ?? '', 50_000).text,
      gotchas: legacyText(r.gotchas),
      resources: legacyText(r.resources),
      time_invested_minutes: r.time_invested_minutes == null ? null : count(r.time_invested_minutes),
      domain: legacyDomain(r.domain),
      tags: legacyTags(r.tags),
      usefulness_score: clamp(r.usefulness_score, 0, 5, 0),
      access_count: count(r.access_count),
      ...times(r, now),
    },
  };
};

export const mapViolation = (r: Row, now: string): Mapped => ({
  row: {
    id: r.id,
    rule_id: r.rule_id,
    rule_name: fitText(legacyText(r.rule_name) ?? `rule ${String(r.rule_id)}`, 500).text,
    violation_date: legacyTimestamp(r.violation_date) ?? now,
    description: legacyText(r.description),
    session_id: legacyText(r.session_id),
    acknowledged: r.acknowledged ? 1 : 0,
  },
});
