import { type RecordLearningInput, toLearning } from '@elf/core';
import type { Hono } from 'hono';
import { jsonBody } from '../http/json-body.js';
import { choiceParam, idParam, listOf, pageParams } from '../http/params.js';
import { paged } from '../reads/paged.js';
import type { ServerContext } from '../server-context.js';

const types = ['failure', 'success', 'observation', 'experiment'] as const;

/** Learnings, newest first (the timeline), by type and domain; one by id; recording one. */
export function learningRoutes(app: Hono, server: ServerContext): void {
  const elf = server.elf;

  app.get('/api/learnings', async (c) => {
    const q = (n: string) => c.req.query(n);
    const page = pageParams(q);
    const type = choiceParam(q, 'type', types);
    const domain = q('domain')?.trim();
    const since = q('since')?.trim();
    const { items, total } = await paged(
      elf.db,
      'learnings',
      (query) => {
        let r = query;
        if (type) r = r.where('type', '=', type);
        if (domain) r = r.where('domain', '=', domain);
        if (since) r = r.where('created_at', '>=', since);
        return r;
      },
      (query) => query.orderBy('created_at', 'desc').orderBy('id', 'desc'),
      page,
      toLearning,
    );
    return c.json(listOf(items, total, page));
  });

  app.get('/api/learnings/:id', async (c) => c.json({ learning: await elf.getLearning(idParam(c.req.param('id'))) }));

  // Recorded as `elf record failure|success|observation` records: core validates and redacts nothing more.
  app.post('/api/learnings', async (c) => {
    const learning = await elf.recordLearning((await jsonBody(c)) as unknown as RecordLearningInput);
    return c.json({ learning }, 201);
  });
}
