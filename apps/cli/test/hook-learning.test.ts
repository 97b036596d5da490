import { describe, expect, it } from 'vitest';
import { context, db, hook, payload, setup } from './support/hook-project.js';

describe('elf hook: subagents and the learning loop', () => {
  it('PreToolUse(Task) gives the subagent’s knowledge and records the heuristics it consulted', async () => {
    const p = setup();
    // The knowledge goes in front of the subagent's own prompt (updatedInput): Claude Code gives a
    // PreToolUse additionalContext to the main agent only (see claude-code.e2e.test.ts).
    const sent = JSON.parse(payload(p, 'pre-tool-use-task.json')).tool_input;
    const answer = hook(p, payload(p, 'pre-tool-use-task.json'));
    expect(answer.code).toBe(0);
    const output = JSON.parse(answer.stdout).hookSpecificOutput;
    expect(output.hookEventName).toBe('PreToolUse');
    expect(output.additionalContext).toBeUndefined();
    expect(output.permissionDecision).toBeUndefined(); // permissions stay the user's
    const { prompt, ...rest } = output.updatedInput;
    expect(rest).toEqual(Object.fromEntries(Object.entries(sent).filter(([key]) => key !== 'prompt')));
    expect(prompt.endsWith(`\n\n---\n\n${sent.prompt}`)).toBe(true);
    const text = prompt as string;
    expect(text).toMatch(/^ELF knowledge for this task \("Rewrite the orders migration"\):/);
    expect(text).toContain('Build indexes on big tables concurrently');
    const consulted = await db(p, (d) => d.selectFrom('heuristic_consultations').selectAll().execute());
    expect(consulted.length).toBeGreaterThan(0);
    expect(
      consulted.every((c) => c.agent_key === 'toolu_01TaskMigration7Qx' && c.agent_type === 'general-purpose'),
    ).toBe(true);
    expect(consulted.every((c) => c.outcome === null)).toBe(true);
  });

  it('a successful Task validates its heuristics once, learns its markers once, and SubagentStop changes nothing more', async () => {
    const p = setup();
    context(hook(p, payload(p, 'pre-tool-use-task.json')));
    const before = await db(p, (d) =>
      d
        .selectFrom('heuristics')
        .select(['id', 'confidence', 'times_validated'])
        .where('rule', 'like', 'Build indexes%')
        .executeTakeFirstOrThrow(),
    );
    expect(context(hook(p, payload(p, 'subagent-stop.json')))).toBeNull();
    expect(context(hook(p, payload(p, 'post-tool-use-task.json')))).toBeNull();
    const after = await db(p, (d) =>
      d
        .selectFrom('heuristics')
        .select(['confidence', 'times_validated'])
        .where('id', '=', before.id)
        .executeTakeFirstOrThrow(),
    );
    expect(after.times_validated).toBe(before.times_validated + 1);
    // The first outcome from 0.5 (docs/lifecycle.md): target 0.6, warm-up α 0.4 → 0.54.
    expect(before.confidence).toBe(0.5);
    expect(after.confidence).toBe(0.54);
    const updates = await db(p, (d) =>
      d.selectFrom('confidence_updates').selectAll().where('heuristic_id', '=', before.id).execute(),
    );
    expect(updates.filter((u) => u.rate_limited === 0 && u.update_type === 'validated')).toHaveLength(1);
    // Markers: the rule became a heuristic at 0.5 (source auto); the fact an observation; once each.
    const learned = await db(p, (d) =>
      d.selectFrom('heuristics').selectAll().where('source_type', '=', 'auto').execute(),
    );
    expect(learned.map((h) => [h.domain, h.rule, h.confidence])).toEqual([
      ['database', 'Always build indexes on large tables with CREATE INDEX CONCURRENTLY outside a transaction', 0.5],
    ]);
    const observations = await db(p, (d) =>
      d.selectFrom('learnings').selectAll().where('type', '=', 'observation').execute(),
    );
    expect(observations.map((o) => o.summary)).toEqual(['The orders table has 40 million rows in production']);
  });

  it('a marker that nearly repeats an existing heuristic of its domain reinforces it instead of adding a row', async () => {
    const p = setup();
    const task = JSON.parse(payload(p, 'post-tool-use-task.json'));
    task.tool_response.content[0].text =
      'Task complete, all tests pass.\n[LEARNED:database] Build indexes on big tables concurrently, to avoid locking';
    const count = () =>
      db(p, (d) => d.selectFrom('heuristics').select('id').where('domain', '=', 'database').execute());
    const before = await count();
    context(hook(p, JSON.stringify(task)));
    expect(await count()).toHaveLength(before.length);
    const reinforced = await db(p, (d) =>
      d.selectFrom('heuristics').selectAll().where('rule', 'like', 'Build indexes on big%').executeTakeFirstOrThrow(),
    );
    expect(reinforced.times_validated).toBe(1);
  });

  it('a failed Task violates its heuristics, records a failure titled by its error, and learns the markers inside it', async () => {
    const p = setup();
    context(hook(p, payload(p, 'pre-tool-use-task.json')));
    const failed = JSON.parse(payload(p, 'post-tool-use-task.json'));
    failed.tool_response.content[0].text =
      'Error: permission denied while writing migrations/0042_orders_index.sql\n[LEARNED:database] Never write migrations as root';
    context(hook(p, JSON.stringify(failed)));
    const h = await db(p, (d) =>
      d.selectFrom('heuristics').selectAll().where('rule', 'like', 'Build indexes%').executeTakeFirstOrThrow(),
    );
    expect(h.times_violated).toBe(1);
    expect(h.confidence).toBe(0.46);
    // What the subagent learned from failing is kept.
    const auto = await db(p, (d) =>
      d.selectFrom('heuristics').select('rule').where('source_type', '=', 'auto').execute(),
    );
    expect(auto).toEqual([{ rule: 'Never write migrations as root' }]);
    const failures = await db(p, (d) => d.selectFrom('learnings').selectAll().where('type', '=', 'failure').execute());
    expect(failures).toHaveLength(1);
    expect(failures[0]?.title).toBe(
      'Subagent failed: Error: permission denied while writing migrations/0042_orders_index.sql',
    );
  });
});
