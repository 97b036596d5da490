import { describe, expect, it } from 'vitest';
import { changeMarker } from '../src/index.js';
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
    // The view's telemetry was written, under its session; the shared connection still works.
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
});
