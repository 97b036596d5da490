import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assumptionStatuses,
  buildingQueryStatuses,
  ceoReviewStatuses,
  confidenceUpdateSources,
  confidenceUpdateTypes,
  type Database,
  decisionStatuses,
  type ElfDatabase,
  experimentStatuses,
  heuristicSourceTypes,
  heuristicStatuses,
  invariantScopes,
  invariantSeverities,
  invariantStatuses,
  invariantValidationTypes,
  learningTypes,
  openDatabase,
  trailLocationTypes,
  trailScents,
} from '../src/index.js';

let handle: ElfDatabase;
let db: Kysely<Database>;
beforeEach(async () => {
  handle = await openDatabase({ path: ':memory:' });
  db = handle.db;
});
afterEach(() => handle.close());

const now = '2026-11-26T10:00:00.000Z';

async function heuristic(values: Record<string, unknown> = {}) {
  return db
    .insertInto('heuristics')
    .values({ domain: 'testing', rule: 'Run the tests', ...values } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Every value of an exported enum list is accepted by its CHECK constraint, and a made-up one is not. */
const enumColumns: Array<{ name: string; values: readonly string[]; insert: (value: string) => Promise<unknown> }> = [
  {
    name: 'learnings.type',
    values: learningTypes,
    insert: (v) =>
      db
        .insertInto('learnings')
        .values({ type: v as never, title: 't', domain: 'd' })
        .execute(),
  },
  { name: 'heuristics.source_type', values: heuristicSourceTypes, insert: (v) => heuristic({ source_type: v }) },
  { name: 'heuristics.status', values: heuristicStatuses, insert: (v) => heuristic({ status: v }) },
  {
    name: 'decisions.status',
    values: decisionStatuses,
    insert: (v) =>
      db
        .insertInto('decisions')
        .values({ title: 't', context: 'c', decision: 'd', rationale: 'r', status: v as never })
        .execute(),
  },
  {
    name: 'invariants.scope',
    values: invariantScopes,
    insert: (v) =>
      db
        .insertInto('invariants')
        .values({ statement: 's', rationale: 'r', scope: v as never })
        .execute(),
  },
  {
    name: 'invariants.severity',
    values: invariantSeverities,
    insert: (v) =>
      db
        .insertInto('invariants')
        .values({ statement: 's', rationale: 'r', severity: v as never })
        .execute(),
  },
  {
    name: 'invariants.status',
    values: invariantStatuses,
    insert: (v) =>
      db
        .insertInto('invariants')
        .values({ statement: 's', rationale: 'r', status: v as never })
        .execute(),
  },
  {
    name: 'invariants.validation_type',
    values: invariantValidationTypes,
    insert: (v) =>
      db
        .insertInto('invariants')
        .values({ statement: 's', rationale: 'r', validation_type: v as never })
        .execute(),
  },
  {
    name: 'assumptions.status',
    values: assumptionStatuses,
    insert: (v) =>
      db
        .insertInto('assumptions')
        .values({ assumption: 'a', status: v as never })
        .execute(),
  },
  {
    name: 'experiments.status',
    values: experimentStatuses,
    insert: (v) =>
      db
        .insertInto('experiments')
        .values({ name: `e-${v}-${Math.random()}`, status: v as never })
        .execute(),
  },
  {
    name: 'ceo_reviews.status',
    values: ceoReviewStatuses,
    insert: (v) =>
      db
        .insertInto('ceo_reviews')
        .values({ title: 't', status: v as never })
        .execute(),
  },
  {
    name: 'building_queries.status',
    values: buildingQueryStatuses,
    insert: (v) =>
      db
        .insertInto('building_queries')
        .values({ query_type: 'q', status: v as never })
        .execute(),
  },
  {
    name: 'trails.scent',
    values: trailScents,
    insert: (v) =>
      db
        .insertInto('trails')
        .values({ location: 'a.ts', scent: v as never })
        .execute(),
  },
  {
    name: 'trails.location_type',
    values: trailLocationTypes,
    insert: (v) =>
      db
        .insertInto('trails')
        .values({ location: 'a.ts', scent: 'read', location_type: v as never })
        .execute(),
  },
  {
    name: 'confidence_updates.update_type',
    values: confidenceUpdateTypes,
    insert: async (v) => {
      const { id } = await heuristic();
      await db
        .insertInto('confidence_updates')
        .values({ heuristic_id: id, old_confidence: 0.5, new_confidence: 0.5, delta: 0, update_type: v as never })
        .execute();
    },
  },
  {
    name: 'confidence_updates.source',
    values: confidenceUpdateSources,
    insert: async (v) => {
      const { id } = await heuristic();
      await db
        .insertInto('confidence_updates')
        .values({
          heuristic_id: id,
          old_confidence: 0.5,
          new_confidence: 0.5,
          delta: 0,
          update_type: 'manual',
          source: v as never,
        })
        .execute();
    },
  },
];

describe('CHECK constraints', () => {
  for (const column of enumColumns) {
    it(`${column.name} accepts exactly its listed values`, async () => {
      for (const value of column.values) await column.insert(value);
      await expect(column.insert('not-a-value')).rejects.toThrow(/CHECK constraint failed/);
    });
  }

  it.each([
    ['confidence above 1', () => heuristic({ confidence: 1.01 })],
    ['confidence below 0', () => heuristic({ confidence: -0.01 })],
    ['a negative counter', () => heuristic({ times_validated: -1 })],
    ['is_golden other than 0/1', () => heuristic({ is_golden: 2 })],
    ['an upper-case domain', () => heuristic({ domain: 'Testing' })],
    ['a domain with a space', () => heuristic({ domain: 'my domain' })],
    ['a 101-character domain', () => heuristic({ domain: 'a'.repeat(101) })],
    ['an empty rule', () => heuristic({ rule: '' })],
    ['a 501-character rule', () => heuristic({ rule: 'r'.repeat(501) })],
    ['a timestamp that is not ISO-8601 UTC', () => heuristic({ created_at: '2026-11-26 10:00:00' })],
    [
      'severity 6',
      () => db.insertInto('learnings').values({ type: 'failure', title: 't', domain: 'd', severity: 6 }).execute(),
    ],
    [
      'severity 0',
      () => db.insertInto('learnings').values({ type: 'failure', title: 't', domain: 'd', severity: 0 }).execute(),
    ],
    [
      'a 501-character title',
      () =>
        db
          .insertInto('learnings')
          .values({ type: 'failure', title: 't'.repeat(501), domain: 'd' })
          .execute(),
    ],
    [
      'decision files_touched that is not JSON',
      () =>
        db
          .insertInto('decisions')
          .values({ title: 't', context: 'c', decision: 'd', rationale: 'r', files_touched: '[a' })
          .execute(),
    ],
    [
      'usefulness above 5',
      () => db.insertInto('spike_reports').values({ title: 't', usefulness_score: 5.5 }).execute(),
    ],
  ])('rejects %s', async (_name, insert) => {
    await expect(insert()).rejects.toThrow(/constraint failed/);
  });

  it('stores defaults: ISO timestamps, confidence 0.5, status active, severity 3', async () => {
    await heuristic();
    await db.insertInto('learnings').values({ type: 'failure', title: 't', domain: 'd' }).execute();
    const h = await db.selectFrom('heuristics').selectAll().executeTakeFirstOrThrow();
    const l = await db.selectFrom('learnings').selectAll().executeTakeFirstOrThrow();
    expect(h).toMatchObject({ confidence: 0.5, status: 'active', is_golden: 0, times_validated: 0 });
    expect(h.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(l.severity).toBe(3);
  });

  it('rejects a violation of a heuristic that does not exist (foreign keys are on)', async () => {
    await expect(
      db.insertInto('violations').values({ rule_id: 999, rule_name: 'x', violation_date: now }).execute(),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });

  it('removes a learning’s tag rows with the learning', async () => {
    const { id } = await db
      .insertInto('learnings')
      .values({ type: 'failure', title: 't', domain: 'd', tags: 'a,b' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('learning_tags')
      .values([
        { tag: 'a', learning_id: id },
        { tag: 'b', learning_id: id },
      ])
      .execute();
    await db.deleteFrom('learnings').where('id', '=', id).execute();
    const { rows } = await sql<{ n: number }>`select count(*) as n from learning_tags`.execute(db);
    expect(rows[0]?.n).toBe(0);
  });
});
