import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';

// The baseline the original Python ELF represents (../shared/reference/elf-reference.md, C and
// C.7): on every prompt, its `query.py --context` output for the session's domain — golden rules,
// the domain's 10 most confident heuristics and 10 newest learnings re-sorted by its relevance
// score (recency with a 7-day half-life, domain match, validations; the task text is never read),
// and Tier 3's recent items while a chars/4 estimate leaves more than 500 of a soft 2,000-token
// budget; tiers 0–2 are always included whole. A subagent gets its Task block: the golden rules,
// 5 heuristics of the domain and the 3 newest failures. Nothing is deduplicated within a session.

export interface SelectedContext {
  text: string;
  heuristics: number[];
  learnings: number[];
}

const dayMs = 86_400_000;
const estimate = (text: string) => Math.floor(text.length / 4);

interface Scored {
  created_at: string;
  domain: string;
  times_validated?: number;
}

/** The original's relevance score (reference C.5). */
function originalScore(item: Scored, domain: string, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - Date.parse(item.created_at)) / dayMs);
  let score = 0.5 * (0.5 + 0.5 * 0.5 ** (ageDays / 7));
  if (item.domain === domain) score *= 1.5;
  const validated = item.times_validated ?? 0;
  if (validated > 10) score *= 1.4;
  else if (validated > 5) score *= 1.2;
  return Math.min(1, score);
}

const byScore = <T extends Scored>(rows: T[], domain: string, now: Date) =>
  rows
    .map((row, index) => ({ row, index, score: originalScore(row, domain, now) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.row);

async function goldenRules(db: Kysely<Database>) {
  return db
    .selectFrom('heuristics')
    .select(['id', 'rule'])
    .where('is_golden', '=', 1)
    .where('status', '=', 'active')
    .orderBy('confidence', 'desc')
    .limit(50)
    .execute();
}

async function domainHeuristics(db: Kysely<Database>, domain: string, limit: number) {
  return db
    .selectFrom('heuristics')
    .select(['id', 'rule', 'explanation', 'confidence', 'times_validated', 'created_at', 'domain'])
    .where('domain', '=', domain)
    .where('is_golden', '=', 0)
    .where('status', '=', 'active')
    .orderBy('confidence', 'desc')
    .orderBy('times_validated', 'desc')
    .limit(limit)
    .execute();
}

/** What the original injected into a prompt (UserPromptSubmit). */
export async function originalPromptContext(
  db: Kysely<Database>,
  input: { domain: string; now: Date; budget?: number },
): Promise<SelectedContext> {
  const budget = input.budget ?? 2000;
  const { domain, now } = input;
  const golden = await goldenRules(db);
  const heuristics = byScore(await domainHeuristics(db, domain, 10), domain, now);
  const learnings = byScore(
    await db
      .selectFrom('learnings')
      .select(['id', 'type', 'title', 'summary', 'tags', 'created_at', 'domain'])
      .where('domain', '=', domain)
      .orderBy('created_at', 'desc')
      .limit(10)
      .execute(),
    domain,
    now,
  );
  const lines = [
    '[ELF] Building Status',
    '# Task Context',
    'Agent task context generation',
    '---',
    '# TIER 1: Golden Rules',
    ...golden.map((g, i) => `## ${i + 1}. ${g.rule}`),
    '# TIER 2: Relevant Knowledge',
    `## Domain: ${domain}`,
    '### Heuristics:',
    ...heuristics.map(
      (h) =>
        `- **${h.rule}** (confidence: ${h.confidence.toFixed(2)}, validated: ${h.times_validated}x)${h.explanation ? `\n  ${h.explanation}` : ''}`,
    ),
    '### Recent Learnings:',
    ...learnings.map(
      (l) => `- **${l.title}** (${l.type})${l.summary ? `\n  ${l.summary}` : ''}${l.tags ? `\n  Tags: ${l.tags}` : ''}`,
    ),
  ];
  const shownLearnings = learnings.map((l) => l.id);
  let text = lines.join('\n');
  if (budget - estimate(text) > 500) {
    const since = new Date(now.getTime() - 2 * dayMs).toISOString();
    const recent = await db
      .selectFrom('learnings')
      .select(['id', 'type', 'title', 'summary', 'created_at'])
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .limit(3)
      .execute();
    text += '\n# TIER 3: Recent Context';
    for (const r of recent) {
      if (estimate(text) >= budget) break;
      text += `\n- **${r.title}** (${r.type}, ${r.created_at})${r.summary ? `: ${r.summary}` : ''}`;
      shownLearnings.push(r.id);
    }
  }
  return {
    text: `<elf-context>\n${text}\n</elf-context>\nRemember: Apply golden rules.`,
    heuristics: [...golden.map((g) => g.id), ...heuristics.map((h) => h.id)],
    learnings: shownLearnings,
  };
}

/** What the original put before a subagent's prompt (PreToolUse(Task)). */
export async function originalTaskContext(db: Kysely<Database>, input: { domain: string }): Promise<SelectedContext> {
  const golden = await goldenRules(db);
  const heuristics = await domainHeuristics(db, input.domain, 5);
  const failures = await db
    .selectFrom('learnings')
    .select(['id', 'title', 'summary'])
    .where('type', '=', 'failure')
    .orderBy('created_at', 'desc')
    .limit(3)
    .execute();
  const text = [
    '## Building Knowledge (Auto-Injected)',
    '### Golden Rules',
    ...golden.map((g) => `- ${g.rule}`),
    '### Relevant Heuristics',
    ...heuristics.map((h) => `- ${h.rule} (confidence ${h.confidence.toFixed(2)})`),
    '### Recent Failures',
    ...failures.map((f) => `- ${f.title}${f.summary ? `: ${f.summary.slice(0, 100)}` : ''}`),
  ].join('\n');
  return {
    text,
    heuristics: [...golden.map((g) => g.id), ...heuristics.map((h) => h.id)],
    learnings: failures.map((f) => f.id),
  };
}
