import * as core from '@elf/core';
import type { Database } from '@elf/schema';
import type { Hono } from 'hono';
import { HttpError } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import { idParam, listOf, pageParams } from '../http/params.js';
import { paged } from '../reads/paged.js';
import type { ServerContext } from '../server-context.js';

type Action = (ctx: core.CoreHandle, input: never) => Promise<unknown>;

interface Collection {
  table: keyof Database & string;
  /** The CLI's actions on one item: POST /api/<path>/:id/<action> with the rest of the input as the body. */
  actions: Record<string, Action>;
  /** How to record one (POST /api/<path>). */
  record?: (elf: core.Elf, input: never) => Promise<unknown>;
  /** Row → core's object (lists as arrays); the kinds core returns as stored have none. */
  map?: (row: never) => unknown;
}

const collections: Record<string, Collection> = {
  decisions: {
    table: 'decisions',
    map: core.toDecision,
    actions: { supersede: core.supersedeDecision },
    record: (elf, input) => elf.recordDecision(input),
  },
  assumptions: {
    table: 'assumptions',
    actions: { verify: core.verifyAssumption, challenge: core.challengeAssumption },
    record: (elf, input) => elf.recordAssumption(input),
  },
  invariants: {
    table: 'invariants',
    actions: { validate: core.validateInvariant, violate: core.violateInvariant },
    record: (elf, input) => elf.recordInvariant(input),
  },
  spikes: {
    table: 'spike_reports',
    map: core.toSpikeReport,
    actions: { rate: core.rateSpikeReport },
    record: (elf, input) => elf.recordSpikeReport(input),
  },
  experiments: {
    table: 'experiments',
    actions: { complete: core.completeExperiment, abandon: core.abandonExperiment },
    record: (elf, input) => elf.recordExperiment(input),
  },
  'ceo-reviews': {
    table: 'ceo_reviews',
    actions: { decide: core.decideCeoReview },
    record: (elf, input) => elf.recordCeoReview(input),
  },
};

/**
 * Decisions, assumptions, invariants, spike reports, experiments and CEO reviews: each a list with
 * totals (`status` filter where the table has one), recording, and the CLI's actions. Inputs go to
 * core as they came: core's schemas validate them, and their errors name the field.
 */
export function knowledgeRoutes(app: Hono, server: ServerContext): void {
  const elf = server.elf;
  // A cycle belongs to an experiment (registered before the actions, which would take "cycles" for one).
  app.post('/api/experiments/:id/cycles', async (c) => {
    const id = idParam(c.req.param('id'));
    return c.json(await elf.recordCycle({ ...(await jsonBody(c)), experiment_id: id } as never), 201);
  });
  for (const [path, collection] of Object.entries(collections)) {
    app.get(`/api/${path}`, async (c) => {
      const page = pageParams((n) => c.req.query(n));
      const status = c.req.query('status')?.trim();
      const { items, total } = await paged(
        elf.db,
        collection.table as 'decisions',
        (q) => (status && collection.table !== 'spike_reports' ? q.where('status' as never, '=', status as never) : q),
        (q) => q.orderBy('created_at', 'desc').orderBy('id', 'desc'),
        page,
        collection.map ?? ((row: Record<string, unknown>) => row),
      );
      return c.json(listOf(items, total, page));
    });
    const record = collection.record;
    if (record) {
      app.post(`/api/${path}`, async (c) => c.json(await record(elf, (await jsonBody(c)) as never), 201));
    }
    app.post(`/api/${path}/:id/:action`, async (c) => {
      const action = collection.actions[c.req.param('action')];
      if (!action) {
        const known = Object.keys(collection.actions).join(', ');
        throw new HttpError(
          404,
          'NOT_FOUND',
          `action: ${path} have no action "${c.req.param('action')}" (known: ${known})`,
          'action',
        );
      }
      const id = idParam(c.req.param('id'));
      const result = await action(elf.core, { ...(await jsonBody(c)), id } as never);
      return c.json(result);
    });
  }
}
