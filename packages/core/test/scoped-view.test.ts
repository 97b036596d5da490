import { describe, expect, it } from 'vitest';
import { changeMarker, countToolUse, noteFirstPrompt, openSession, recordInjections } from '../src/index.js';
import { openTempElf } from './support/temp-elf.js';

describe('Elf.scoped', () => {
  it('sees the same database as another session and project, and closing it leaves the connection open', async () => {
    const { elf } = await openTempElf({ projectPath: null });
    const view = elf.scoped({ projectPath: '/work/other', sessionId: 'session-b', agentId: 'agent-1' });
    expect(view.core).toMatchObject({ projectPath: '/work/other', sessionId: 'session-b', agentId: 'agent-1' });
    const made = await view.recordLearning({ type: 'failure', domain: 'api', title: 'Timeout on billing' });
    expect((await elf.getLearning(made.id)).title).toBe('Timeout on billing');
    await view.queryRecent({ limit: 1 });
    await view.close();
    // Closing a view writes nothing: its telemetry goes with the connection's next batch, under its session.
    expect(
      await elf.db.selectFrom('building_queries').select('id').where('session_id', '=', 'session-b').execute(),
    ).toEqual([]);
    await elf.flushTelemetry();
    const rows = await elf.db
      .selectFrom('building_queries')
      .select('session_id')
      .where('session_id', '=', 'session-b')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect((await elf.statistics()).total_learnings).toBe(1);
  });

  it('shares the telemetry count behind the change marker: a view writing telemetry is not a change', async () => {
    const { elf } = await openTempElf({ projectPath: null });
    const view = elf.scoped({ sessionId: 's' });
    const before = await changeMarker(elf.core);
    await view.queryRecent({ limit: 1 });
    await view.flushTelemetry();
    expect(await changeMarker(elf.core)).toBe(before);
    await view.recordLearning({ type: 'observation', domain: 'api', title: 'A real change' });
    expect(await changeMarker(elf.core)).not.toBe(before);
  });

  it("leaves a hook's session bookkeeping out of the change marker, so warm caches stay warm", async () => {
    const { elf, clock } = await openTempElf({ projectPath: null });
    const h = await elf.recordHeuristic({ domain: 'api', rule: 'Retry idempotent calls with backoff' });
    clock.advanceDays(1);
    const view = elf.scoped({ sessionId: 's1', projectPath: '/work/p' });
    await openSession(view.core, { sessionId: 's1', project: '/work/p' });
    const before = await changeMarker(elf.core);
    await noteFirstPrompt(view.core, 's1', 'the billing calls time out');
    await recordInjections(view.core, 's1', 'prompt', [{ kind: 'heuristic', id: h.id }]);
    await countToolUse(view.core, { sessionId: 's1', toolName: 'Bash', failed: true });
    expect(await changeMarker(elf.core)).toBe(before);
    // ...while what it did is there (a rule shown is a rule used), and a real change still moves the marker.
    expect((await elf.getHeuristic(h.id)).last_used_at).toBe(clock.now().toISOString());
    await view.recordLearning({ type: 'failure', domain: 'api', title: 'Timeout' });
    expect(await changeMarker(elf.core)).not.toBe(before);
  });
});
