import { itemText, joinTags, seededRandom, type TokenCounter } from '@elf/core';
import type { Database } from '@elf/schema';
import type { Insertable, Kysely } from 'kysely';
import { zipfSampler } from './random.js';
import vocabulary from './vocabulary.json' with { type: 'json' };

export const datasetSizes = { '1k': 1_000, '5k': 5_000, '10k': 10_000, '100k': 100_000 } as const;
export type DatasetSize = keyof typeof datasetSizes;

export const datasetDomains = [
  'authentication',
  'database',
  'api',
  'testing',
  'ci',
  'git',
  'frontend',
  'react',
  'css',
  'performance',
  'security',
  'docker',
  'kubernetes',
  'logging',
  'caching',
  'payments',
  'email',
  'search',
  'i18n',
  'accessibility',
  'python',
  'node',
  'build-tooling',
  'observability',
] as const;

export interface DatasetOptions {
  learnings: number;
  /** Default: one heuristic per five learnings. */
  heuristics?: number;
  seed?: number;
  now?: Date;
  /** Spread of created_at, in days before `now` (default 180). */
  spanDays?: number;
  /** Counts tokens as `elf record` would (realistic for the context's budget); omit for speed. */
  tokenCounter?: TokenCounter;
  onProgress?: (done: number, total: number) => void;
}

export interface DatasetSummary {
  learnings: number;
  heuristics: number;
  decisions: number;
  invariants: number;
  assumptions: number;
  spikeReports: number;
  golden: number;
}

/**
 * Fills a database with a deterministic corpus: Zipf-distributed engineering vocabulary plus
 * code-like identifiers (so a few words are common and most rare, as in real notes), 24 domains,
 * lengths like the hand-written fixture corpus (titles 5–13 words, summaries 18–42, rules 14–26,
 * explanations 8–22), timestamps spread over months, proportional
 * heuristics (0.5 % golden), decisions, invariants, assumptions and spike reports. Written in
 * batches of 1,000 rows per transaction.
 */
export async function generateDataset(db: Kysely<Database>, options: DatasetOptions): Promise<DatasetSummary> {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const words = vocabulary as string[];
  const identifiers = Array.from({ length: 20_000 }, (_, i) => {
    const a = pick(words);
    const b = pick(words);
    return [`${a}${(b[0] ?? '').toUpperCase()}${b.slice(1)}`, `src/${a}/${b}.ts`, `E${1000 + i}`, `${a}_${b}`][
      i % 4
    ] as string;
  });
  const word = zipfSampler([...words, ...identifiers], random);
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const text = Array.from({ length: n }, word).join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const now = (options.now ?? new Date()).getTime();
  const span = (options.spanDays ?? 180) * 86_400_000;
  const at = () => new Date(now - random() * span).toISOString();
  const count = options.tokenCounter ? (text: string) => options.tokenCounter?.count(text) ?? null : () => null;

  const learnings = options.learnings;
  const heuristics = options.heuristics ?? Math.round(learnings / 5);
  const small = Math.max(1, Math.round(learnings / 200));
  const summary: DatasetSummary = {
    learnings,
    heuristics,
    decisions: small,
    invariants: small,
    assumptions: small,
    spikeReports: small,
    golden: Math.max(1, Math.round(heuristics / 200)),
  };
  const total = learnings + heuristics + 4 * small;
  let done = 0;
  const batch = async (n: number, write: (trx: Kysely<Database>) => Promise<void>) => {
    for (let start = 0; start < n; start += 1000) {
      const size = Math.min(1000, n - start);
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < size; i++) await write(trx);
      });
      done += size;
      options.onProgress?.(done, total);
    }
  };
  /** `n` rows of one table, each made by `row` (its random draws in the order written there). */
  const rows = <T extends keyof Database>(n: number, table: T, row: () => Insertable<Database[T]>) =>
    batch(n, async (trx) => {
      await trx
        .insertInto(table as keyof Database)
        .values(row() as Insertable<Database[keyof Database]>)
        .execute();
    });

  await batch(learnings, async (trx) => {
    const created = at();
    const title = sentence(5, 13);
    const text = sentence(18, 42);
    const tags = [pick(words), pick(words)].map((t) => t.replace(/[^\p{L}\p{N}_.+#-]/gu, '')).filter(Boolean);
    const learning = await trx
      .insertInto('learnings')
      .values({
        type: pick(['failure', 'failure', 'success', 'observation'] as const),
        title,
        summary: text,
        domain: pick(datasetDomains),
        severity: 1 + Math.floor(random() * 5),
        tags: joinTags(tags),
        token_count: count(itemText('learning', { title, summary: text })),
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (tags.length > 0) {
      await trx
        .insertInto('learning_tags')
        .values([...new Set(tags)].map((tag) => ({ tag, learning_id: learning.id })))
        .execute();
    }
  });
  let golden = summary.golden;
  await rows(heuristics, 'heuristics', () => {
    const created = at();
    const rule = sentence(14, 26);
    const row = {
      domain: pick(datasetDomains),
      rule,
      explanation: sentence(8, 22),
      confidence: Math.round(random() * 100) / 100,
      times_validated: Math.floor(random() * 25),
      times_violated: Math.floor(random() * 4),
      is_golden: golden-- > 0 ? 1 : 0,
      project_path: random() < 0.2 ? '/work/project' : null,
      token_count: count(rule),
      created_at: created,
      updated_at: created,
    };
    // The project-scoped ones were learned there; set after the row so the random sequence (and
    // every dataset generated before origin_path existed) stays the same.
    return { ...row, origin_path: row.project_path };
  });
  await rows(small, 'decisions', () => {
    const created = at();
    const title = sentence(3, 8);
    const decision = sentence(8, 20);
    return {
      title,
      context: sentence(10, 30),
      decision,
      rationale: sentence(10, 30),
      domain: pick(datasetDomains),
      token_count: count(itemText('decision', { title, decision })),
      created_at: created,
      updated_at: created,
    };
  });
  await rows(small, 'invariants', () => {
    const statement = sentence(6, 14);
    return {
      statement,
      rationale: sentence(8, 20),
      domain: pick(datasetDomains),
      status: random() < 0.2 ? ('violated' as const) : ('active' as const),
      token_count: count(statement),
      created_at: at(),
      updated_at: at(),
    };
  });
  await rows(small, 'assumptions', () => {
    const assumption = sentence(6, 14);
    return {
      assumption,
      confidence: Math.round(random() * 100) / 100,
      status: random() < 0.2 ? ('challenged' as const) : ('active' as const),
      domain: pick(datasetDomains),
      token_count: count(assumption),
      created_at: at(),
      updated_at: at(),
    };
  });
  await rows(small, 'spike_reports', () => {
    const title = sentence(3, 8);
    const findings = sentence(20, 60);
    return {
      title,
      topic: sentence(2, 5),
      question: sentence(6, 14),
      findings,
      domain: pick(datasetDomains),
      token_count: count(itemText('spike_report', { title, findings })),
      created_at: at(),
      updated_at: at(),
    };
  });
  return summary;
}
