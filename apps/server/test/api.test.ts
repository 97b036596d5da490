import { describe, expect, it } from 'vitest';
import { testServer } from './support/test-server.js';

const json = async (r: Response) => (await r.json()) as Record<string, unknown> & { items: Record<string, unknown>[] };

async function seed(t: Awaited<ReturnType<typeof testServer>>) {
  const ids: number[] = [];
  for (let i = 0; i < 7; i++) {
    const h = await t.elf.recordHeuristic({
      domain: i < 4 ? 'database' : 'testing',
      rule: `Rule number ${i} about ${i < 4 ? 'indexes and queries' : 'flaky tests'} ${'x'.repeat(i)}`,
      confidence: 0.5 + i * 0.05,
    });
    ids.push(h.id);
  }
  await t.elf.recordLearning({ type: 'failure', domain: 'database', title: 'Sequential scan on users by email' });
  return ids;
}

describe('the JSON API', () => {
  it('lists heuristics a page at a time with the filtered total', async () => {
    const t = await testServer();
    await seed(t);
    const first = await json(await t.request('/api/heuristics?domain=database&limit=3'));
    expect(first).toMatchObject({ total: 4, limit: 3, offset: 0 });
    expect(first.items).toHaveLength(3);
    const second = await json(await t.request('/api/heuristics?domain=database&limit=3&offset=3'));
    expect(second.items).toHaveLength(1);
    const ids = [...first.items, ...second.items].map((h) => h.id);
    expect(new Set(ids).size).toBe(4);
    expect(first.items.every((h) => h.domain === 'database' && h.is_golden === false)).toBe(true);
    const text = await json(await t.request('/api/heuristics?q=flaky&status=all'));
    expect(text.total).toBe(3);
  });

  it('promotes a heuristic: it is among the golden rules, its history says so, the stats count it', async () => {
    const t = await testServer();
    const [id] = await seed(t);
    const before = await json(await t.request('/api/stats'));
    const promoted = await t.request(`/api/heuristics/${id}/promote`, { json: { reason: 'held every time' } });
    expect(promoted.status).toBe(200);
    expect((await json(promoted)).heuristic).toMatchObject({ id, is_golden: true });
    const golden = await json(await t.request('/api/golden-rules'));
    expect(golden.items.map((h) => h.id)).toContain(id);
    const shown = await json(await t.request(`/api/heuristics/${id}`));
    expect((shown.history as Array<{ type: string; reason: string }>).at(-1)).toMatchObject({
      type: 'promoted',
      reason: 'held every time',
    });
    const after = await json(await t.request('/api/stats'));
    const count = (s: Record<string, unknown>) => (s.stats as { golden_heuristics: number }).golden_heuristics;
    expect(count(after)).toBe(count(before) + 1);
  });

  it('runs every heuristic action through core, and edits the words', async () => {
    const t = await testServer();
    const [a, b, c] = await seed(t);
    const validated = await json(await t.request(`/api/heuristics/${a}/validate`, { json: { note: 'worked' } }));
    expect((validated.heuristic as { times_validated: number }).times_validated).toBe(1);
    const violated = await json(await t.request(`/api/heuristics/${a}/violate`, { json: {} }));
    expect((violated.heuristic as { times_violated: number }).times_violated).toBe(1);
    expect((await t.request(`/api/heuristics/${b}/retract`, { json: { reason: 'wrong' } })).status).toBe(200);
    expect((await t.elf.getHeuristic(b as number)).status).toBe('retracted');
    expect((await t.request(`/api/heuristics/${c}/supersede`, { json: { by: a } })).status).toBe(200);
    expect((await t.elf.getHeuristic(c as number)).superseded_by).toBe(a);
    const edited = await t.request(`/api/heuristics/${a}`, {
      method: 'PATCH',
      json: { rule: 'Index the email column' },
    });
    expect((await json(edited)).heuristic).toMatchObject({ rule: 'Index the email column' });
    const retractBad = await t.request(`/api/heuristics/${a}/retract`, { json: {} });
    expect(retractBad.status).toBe(400);
    expect((await json(retractBad)).error).toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
  });

  it('records and lists learnings, newest first, and finds them', async () => {
    const t = await testServer();
    await seed(t);
    expect(t.elf.core.tokenCounter).toBeUndefined();
    const made = await t.request('/api/learnings', {
      json: { type: 'failure', domain: 'api', title: 'Timeout calling the billing service' },
    });
    expect(made.status).toBe(201);
    // The first record through the API loads the tokenizer: what it records has its token count.
    expect(((await made.json()) as { learning: { token_count: number | null } }).learning.token_count).toBeGreaterThan(
      0,
    );
    const list = await json(await t.request('/api/learnings?type=failure'));
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({ title: 'Timeout calling the billing service', tags: [] });
    const found = await json(await t.request('/api/search?q=billing'));
    expect((found.hits as Array<{ kind: string }>).map((h) => h.kind)).toEqual(['learning']);
    expect(found.total).toBe(1);
    const page = await json(await t.request('/api/search?q=flaky&limit=2'));
    expect((page.hits as unknown[]).length).toBe(2);
    expect(page.total).toBe(3);
  });

  it('previews the context an agent would get, within the budget, and explains it on request', async () => {
    const t = await testServer();
    await seed(t);
    const r = await json(
      await t.request('/api/context?task=queries%20and%20indexes%20on%20users&budget=300&explain=1'),
    );
    expect(r.tokens as number).toBeLessThanOrEqual(300);
    expect(r.text).toContain('indexes and queries');
    expect((r.candidates as unknown[]).length).toBeGreaterThan(0);
    const plain = await json(await t.request('/api/context?task=queries&budget=300'));
    expect(plain.candidates).toBeUndefined();
    const bad = await t.request('/api/context?task=x&budget=5');
    expect(await json(bad)).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'budget' } });
  });

  it('lists and acts on the other kinds of knowledge with the CLI actions', async () => {
    const t = await testServer();
    const made = await json(
      await t.request('/api/invariants', {
        json: { statement: 'Every order has a customer', rationale: 'billing needs it' },
      }),
    );
    const id = made.id as number;
    const violated = await t.request(`/api/invariants/${id}/violate`, { json: { note: 'order 7 had none' } });
    expect(violated.status).toBe(200);
    const list = await json(await t.request('/api/invariants'));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id, violation_count: 1 });
    const unknown = await t.request(`/api/invariants/${id}/frobnicate`, { json: {} });
    expect(unknown.status).toBe(404);
    const decisions = await json(await t.request('/api/decisions?limit=5'));
    expect(decisions).toMatchObject({ items: [], total: 0, limit: 5, offset: 0 });
    await t.elf.recordDecision({
      title: 'WAL',
      context: 'c',
      decision: 'd',
      rationale: 'r',
      files_touched: ['a.ts', 'b.ts'],
    });
    // As core returns it: lists as arrays, not the stored JSON text.
    expect((await json(await t.request('/api/decisions'))).items[0]).toMatchObject({ files_touched: ['a.ts', 'b.ts'] });
  });

  it('counts velocity per day and week, and serves hot spots as a list and a treemap', async () => {
    const t = await testServer();
    await seed(t);
    await t.elf.recordTrail({ location: 'src/db/users.ts', scent: 'write', location_type: 'file' });
    await t.elf.recordTrail({ location: 'src/db/users.ts', scent: 'read', location_type: 'file' });
    await t.elf.recordTrail({ location: 'npm test', scent: 'exec', location_type: 'command' });
    const v = await json(await t.request('/api/velocity?days=14'));
    const daily = v.daily as Array<{ date: string; failures: number; heuristics: number }>;
    expect(daily).toHaveLength(14);
    // All made today: the seven and the starter golden rules a new database gets.
    expect(daily.at(-1)).toMatchObject({ failures: 1, heuristics: (await t.elf.statistics()).total_heuristics });
    expect((v.weekly as unknown[]).length).toBeGreaterThanOrEqual(2);
    const h = await json(await t.request('/api/hotspots'));
    expect(h.items[0]).toMatchObject({ location: 'src/db/users.ts', visits: 2 });
    expect(h.total).toBe(2);
    expect((h.treemap as { children: Array<{ name: string }> }).children.map((c) => c.name).sort()).toEqual([
      'commands',
      'src/db',
    ]);
  });

  it('answers a Claude Code hook with the same context a command hook gives, and a bad one with an empty 200', async () => {
    const t = await testServer();
    await seed(t);
    const prompt = {
      session_id: 's1',
      hook_event_name: 'UserPromptSubmit',
      cwd: t.home,
      prompt: 'the flaky tests keep failing on CI',
    };
    const r = await t.request('/hooks/claude-code', { json: prompt });
    expect(r.status).toBe(200);
    const answer = (await r.json()) as { hookSpecificOutput: { additionalContext: string } };
    expect(answer.hookSpecificOutput.additionalContext).toContain('flaky tests');
    for (const body of ['not json', '{"hook_event_name":"Stop","session_id":"s1","cwd":"/tmp"}', '[]']) {
      const quiet = await t.request('/hooks/claude-code', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(quiet.status).toBe(200);
      expect(await quiet.text()).toBe('');
    }
    expect(t.lines.some((l) => l.includes('unhandled event Stop'))).toBe(true);
    const injected = await t.elf.db
      .selectFrom('session_injections')
      .selectAll()
      .where('session_id', '=', 's1')
      .execute();
    expect(injected.length).toBeGreaterThan(0);
  });

  it('answers concurrent hooks from several sessions over one connection, each session shown an item once', async () => {
    const t = await testServer();
    await seed(t);
    const prompts = Array.from({ length: 30 }, (_, i) => ({
      session_id: `s${i % 5}`,
      hook_event_name: 'UserPromptSubmit',
      cwd: t.home,
      prompt: i % 2 ? 'the flaky tests keep failing on CI' : 'slow queries and missing indexes on users',
    }));
    const answers = await Promise.all(prompts.map((p) => t.request('/hooks/claude-code', { json: p })));
    expect(answers.map((r) => r.status)).toEqual(prompts.map(() => 200));
    const rows = await t.elf.db.selectFrom('session_injections').select(['session_id', 'kind', 'item_id']).execute();
    const keys = rows.map((r) => `${r.session_id}:${r.kind}:${r.item_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(5);
    expect(t.lines.filter((l) => /error|BUSY/i.test(l))).toEqual([]);
  });

  it('overloaded, gives a late prompt no context but still records a failure that waited as long', async () => {
    const t = await testServer();
    await seed(t);
    t.context.lateAfterMs = 1;
    const prompt = (i: number) => ({
      session_id: `s${i}`,
      hook_event_name: 'UserPromptSubmit',
      cwd: t.home,
      prompt: 'the flaky tests keep failing on CI',
    });
    const failure = {
      session_id: 's-fail',
      hook_event_name: 'PostToolUseFailure',
      cwd: t.home,
      tool_name: 'Bash',
      tool_input: { command: 'npm test' },
      error: 'Exit code 1\nError: connect ECONNREFUSED 127.0.0.1:5432',
    };
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => t.request('/hooks/claude-code', { json: prompt(i) })),
      t.request('/hooks/claude-code', { json: failure }),
    ]);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(bodies.slice(0, 8).filter((b) => b === '').length).toBeGreaterThan(0);
    expect(t.lines.some((l) => /hook skipped: waited \d+ ms/.test(l))).toBe(true);
    const failures = await json(await t.request('/api/learnings?type=failure'));
    expect(failures.items.map((l) => l.title as string).some((title) => title.includes('ECONNREFUSED'))).toBe(true);
  });
});
