// The text of each kind of item that a context shows, and whose tokens are stored in
// `token_count`. One definition, used when counting (record, maintenance) and when rendering.

export const countedKinds = [
  'learning',
  'heuristic',
  'decision',
  'invariant',
  'assumption',
  'spike_report',
  'experiment',
  'ceo_review',
] as const;
export type CountedKind = (typeof countedKinds)[number];

export interface ItemTextFields {
  learning: { title: string; summary?: string | null | undefined };
  heuristic: { rule: string };
  decision: { title: string; decision: string };
  invariant: { statement: string };
  assumption: { assumption: string };
  spike_report: { title: string; findings: string };
  experiment: { name: string; hypothesis?: string | null | undefined };
  ceo_review: { title: string };
}

export function itemText<K extends CountedKind>(kind: K, fields: ItemTextFields[K]): string {
  const f = fields as ItemTextFields[CountedKind] & Record<string, string | null>;
  switch (kind) {
    case 'learning':
      return f.summary ? `${f.title} — ${f.summary}` : (f.title as string);
    case 'heuristic':
      return f.rule as string;
    case 'decision':
      return `${f.title}: ${f.decision}`;
    case 'invariant':
      return f.statement as string;
    case 'assumption':
      return f.assumption as string;
    case 'spike_report':
      return `${f.title}: ${f.findings}`;
    case 'experiment':
      return f.hypothesis ? `${f.name}: ${f.hypothesis}` : (f.name as string);
    default:
      return f.title as string;
  }
}

/** Table and counted columns of each kind (the schema's token_count triggers watch the same columns). */
export const countedTables: Record<CountedKind, { table: string; columns: readonly string[] }> = {
  learning: { table: 'learnings', columns: ['title', 'summary'] },
  heuristic: { table: 'heuristics', columns: ['rule'] },
  decision: { table: 'decisions', columns: ['title', 'decision'] },
  invariant: { table: 'invariants', columns: ['statement'] },
  assumption: { table: 'assumptions', columns: ['assumption'] },
  spike_report: { table: 'spike_reports', columns: ['title', 'findings'] },
  experiment: { table: 'experiments', columns: ['name', 'hypothesis'] },
  ceo_review: { table: 'ceo_reviews', columns: ['title'] },
};
