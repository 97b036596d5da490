import { getSession } from '@elf/core';
import { describe, expect, it } from 'vitest';
import type { TranscriptSource } from '../src/index.js';
import { project } from './support/project.js';

// The learning loop through plain event objects, as every transport drives it, on a real database.

describe('session start', () => {
  it('injects golden rules and the rules scoped to this project, remembers them, and starts over after a clear', async () => {
    const p = await project();
    const rule = await p.elf.recordHeuristic({
      domain: 'database',
      rule: 'Build indexes on big tables concurrently',
      project_path: p.root,
    });
    // Learned here but not scoped to it, and another project's recent failure: they wait for a prompt they match.
    await p.elf.recordHeuristic({
      domain: 'testing',
      rule: 'Give each vitest worker its own schema',
      project_path: null,
    });
    await p.elf.recordLearning({
      type: 'failure',
      domain: 'api',
      title: 'Webhook signature check failed after the body parser',
    });
    const first = await p.event({ kind: 'session-start', source: 'startup' });
    expect(first.context).toContain('## Golden rules');
    expect(first.context).toContain('Build indexes on big tables concurrently');
    expect(first.context).not.toContain('vitest worker');
    expect(first.context).not.toContain('Webhook signature');
    expect(
      (await p.event({ kind: 'prompt', prompt: 'the vitest workers share one schema and clash' })).context,
    ).toContain('Give each vitest worker its own schema');
    expect(first.recorded.injected).toContainEqual(expect.objectContaining({ kind: 'heuristic', id: rule.id }));
    expect(await getSession(p.elf.core, 'sess-1')).toMatchObject({ project: p.root });
    // The prompt that follows does not repeat what the session start showed …
    expect((await p.event({ kind: 'prompt', prompt: 'build the indexes on big tables' })).context).toBeNull();
    // After a clear the agent has lost what it was shown: the record starts over with what it gets now.
    await p.event({ kind: 'session-start', source: 'clear' });
    const seen = await p.elf.db.selectFrom('session_injections').select(['item_id', 'created_at']).execute();
    expect(seen.map((s) => s.created_at)).toEqual(seen.map(() => p.clock.now().toISOString()));
    expect(seen.map((s) => s.item_id)).toContain(rule.id);
  });
});

describe('prompt', () => {
  it('adds what is relevant and new, once, and nothing for an unrelated or empty prompt', async () => {
    const p = await project();
    await p.elf.recordHeuristic({
      domain: 'database',
      rule: 'Take a backup before a migration that locks a table',
      project_path: null,
    });
    const prompt = 'the migration that adds the orders index locks the table';
    const first = await p.event({ kind: 'prompt', prompt });
    expect(first.context).toContain('Take a backup before a migration');
    expect(first.context).not.toContain('## Golden rules');
    expect((await p.event({ kind: 'prompt', prompt })).context).toBeNull();
    expect((await p.event({ kind: 'prompt', prompt: 'What a lovely afternoon for a walk' })).context).toBeNull();
    expect(await p.event({ kind: 'prompt', prompt: '   ' })).toEqual({
      context: null,
      recorded: expect.objectContaining({ injected: [] }),
      notes: [],
    });
  });

  it('redacts secrets before the prompt is kept, and revives a dormant rule it matches strongly', async () => {
    const p = await project();
    const dormant = await p.elf.recordHeuristic({
      domain: 'deploy',
      rule: 'Drain the worker queue before restarting the billing workers',
      project_path: null,
    });
    await p.elf.db.updateTable('heuristics').set({ status: 'dormant' }).where('id', '=', dormant.id).execute();
    const result = await p.event({
      kind: 'prompt',
      prompt: 'restart the billing workers, drain the queue first; token ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    });
    expect(result.recorded.revived.map((r) => r.heuristicId)).toEqual([dormant.id]);
    expect(result.notes).toEqual([`revived #${dormant.id}`]);
    const summary = await getSession(p.elf.core, 'sess-1');
    expect(summary?.conversation_summary).toContain('restart the billing workers');
    expect(summary?.conversation_summary).not.toContain('ghp_abcdefghijklmnop');
  });
});

describe('subagents', () => {
  const task = { kind: 'subagent-start', agentKey: 'toolu_1', agentType: 'general-purpose' } as const;

  it('gives a subagent its knowledge, validates it once on success, and learns its markers once', async () => {
    const p = await project();
    const rule = await p.elf.recordHeuristic({ domain: 'database', rule: 'Build indexes on big tables concurrently' });
    const start = await p.event({
      ...task,
      description: 'Fix the index',
      task: 'build the orders index on big tables',
    });
    expect(start.context).toMatch(/^ELF knowledge for this task \("Fix the index"\):/);
    expect(start.recorded.consulted).toContain(rule.id);
    const output = 'All tests pass.\n[LEARNED:database] Always run CREATE INDEX CONCURRENTLY outside a transaction';
    const done = await p.event({
      kind: 'tool-outcome',
      tool: 'Task',
      outcome: 'success',
      subagent: { agentKey: 'toolu_1', description: 'Fix the index', output },
    });
    expect(done.recorded.settled).toContainEqual(
      expect.objectContaining({ heuristicId: rule.id, event: 'validated', rateLimited: false }),
    );
    expect(done.recorded.captured).toEqual([{ kind: 'heuristic', id: expect.any(Number), action: 'added' }]);
    const stop = await p.event({ kind: 'subagent-stop', agentType: 'general-purpose', message: output });
    expect(stop.recorded.settled).toEqual([]);
    expect(stop.recorded.captured).toEqual([]);
  });

  it('violates what a failed subagent was given, records the failure by its error, and learns its markers', async () => {
    const p = await project();
    const rule = await p.elf.recordHeuristic({ domain: 'database', rule: 'Build indexes on big tables concurrently' });
    await p.event({ ...task, description: null, task: 'build the orders index on big tables' });
    const stop = await p.event({
      kind: 'subagent-stop',
      agentType: 'general-purpose',
      message: 'I could not complete this: Error: deadlock detected.\n[LEARNED:database] Never retry without a backoff',
    });
    expect(stop.recorded.settled).toContainEqual(expect.objectContaining({ heuristicId: rule.id, event: 'violated' }));
    expect(stop.recorded.captured).toEqual([
      { kind: 'learning', id: expect.any(Number), action: 'added' },
      { kind: 'heuristic', id: expect.any(Number), action: 'added' },
    ]);
    const learning = await p.elf.getLearning(stop.recorded.captured[0]?.id as number);
    expect(learning).toMatchObject({ type: 'failure' });
    expect(learning?.title).toBe('Subagent failed: I could not complete this: Error: deadlock detected.');
    // What a subagent learned from failing is kept.
    const rules = await p.elf.db.selectFrom('heuristics').select('rule').execute();
    expect(rules.map((r) => r.rule)).toContain('Never retry without a backoff');
  });
});

describe('tool outcomes', () => {
  it('lay trails, record a failure once with its secret redacted, and ignore an interrupt', async () => {
    const p = await project();
    const read = await p.event({
      kind: 'tool-outcome',
      tool: 'Read',
      outcome: 'success',
      trail: { location: 'src/orders.ts', location_type: 'file', scent: 'read', strength: 0.5, message: 'Read' },
    });
    expect(read.recorded.trail).toBe(true);
    const failure = {
      kind: 'tool-outcome',
      tool: 'Bash',
      outcome: 'failure',
      error: 'psql: password=Sup3rS3cret connection refused on db.internal',
      summary: 'Bash: psql -f migrate.sql',
    } as const;
    const first = await p.event(failure);
    expect(first.recorded.captured).toHaveLength(1);
    const learning = await p.elf.getLearning(first.recorded.captured[0]?.id as number);
    expect(learning?.title).toMatch(/^Bash failed: psql/);
    expect(JSON.stringify(learning)).not.toContain('Sup3rS3cret');
    expect((await p.event(failure)).recorded.captured).toEqual([]);
    // Claude Code's own shape: `Exit code N` first. The title names the error, the summary starts
    // with the output, and a second, different failure of the session is its own learning.
    const real = (error: string) => p.event({ kind: 'tool-outcome', tool: 'Bash', outcome: 'failure', error });
    const sqlite = await real(
      'Exit code 1\nError: unable to open database "/srv/orders.db": unable to open database file',
    );
    const git = await real('Exit code 128\nfatal: not a git repository (or any of the parent directories): .git');
    const [a, b] = await Promise.all([sqlite, git].map((r) => p.elf.getLearning(r.recorded.captured[0]?.id as number)));
    expect(a?.title).toBe('Bash failed: Error: unable to open database "/srv/orders.db": unable to open database file');
    expect(a?.summary).toBe(
      'Error: unable to open database "/srv/orders.db": unable to open database file\n\n(exit code 1)',
    );
    expect(b?.title).toBe('Bash failed: fatal: not a git repository (or any of the parent directories): .git');
    const interrupted = await p.event({ kind: 'tool-outcome', tool: 'Bash', outcome: 'interrupted', error: 'stop' });
    expect(interrupted.recorded).toMatchObject({ captured: [], trail: false });
  });
  it('answer an error met before with what is known about it, once a session, never with the failure just recorded', async () => {
    const p = await project();
    const rule = await p.elf.recordHeuristic({
      domain: 'database',
      rule: 'Run the migrations with --single-transaction so a failed step leaves nothing half applied',
      project_path: null,
    });
    const failure = (error: string) =>
      ({ kind: 'tool-outcome', tool: 'Bash', outcome: 'failure', error, summary: 'Bash: npm run migrate' }) as const;
    const locked = 'Exit code 1\nError: migration 0042 failed: relation "orders" is locked by another transaction';
    // First time: the rule matches the error, the failure just recorded is not news.
    const first = await p.event(failure(locked));
    expect(first.context).toMatch(/^ELF knowledge about this error:\n\n# ELF memory/);
    expect(first.context).toContain(rule.rule);
    expect(first.context).not.toContain('Bash failed:');
    expect(first.recorded.injected).toEqual([expect.objectContaining({ kind: 'heuristic', id: rule.id })]);
    // The same error again in this session: the rule was shown, the failure read; nothing new.
    expect((await p.event(failure(locked))).context).toBeNull();
    // Another session meets the error again: session 1's failure and the rule come with it.
    const other = { ...p.session, sessionId: 'sess-2' };
    const again = await p.event(failure(locked), other);
    expect(again.context).toContain('Bash failed: Error: migration 0042 failed');
    expect(again.context).toContain(rule.rule);
    // A subagent tool's failure settles its heuristics; it is not answered.
    const task = await p.event(
      { ...failure(locked), tool: 'Task', subagent: { agentKey: 't1', description: null, output: '' } },
      {
        ...p.session,
        sessionId: 'sess-3',
      },
    );
    expect(task.context).toBeNull();
  });
});

describe('checkpoints', () => {
  it('learn the main agent’s markers from the new part of its transcript, and summarise the session', async () => {
    const p = await project();
    const text = ['[LEARNED:deploy] Never deploy during the nightly batch window', 'The batch runs at 01:00 UTC'];
    const reads: number[] = [];
    const transcript: TranscriptSource = {
      path: `${p.dir}/transcript.jsonl`,
      read: (offset) => {
        reads.push(offset);
        return { assistantText: offset === 0 ? text.join('\n') : '', offset: 100 };
      },
    };
    const compact = await p.event({ kind: 'pre-compact', trigger: 'auto', transcript });
    expect(compact.recorded.captured).toEqual([{ kind: 'heuristic', id: expect.any(Number), action: 'added' }]);
    const end = await p.event({ kind: 'session-end', reason: 'logout', transcript });
    expect(end.recorded.captured).toEqual([]);
    expect(reads).toEqual([0, 100]);
    const summary = await getSession(p.elf.core, 'sess-1');
    expect(summary).toMatchObject({ session_file_size: 100, markers_count: 1 });
    expect(summary?.ended_at).not.toBeNull();
    expect(summary?.content_summary).toContain('ended: logout');
  });

  it('note a transcript that cannot be read, and still summarise', async () => {
    const p = await project();
    const broken: TranscriptSource = {
      path: '/nowhere',
      read: () => {
        throw new Error('ENOENT: no such file');
      },
    };
    const result = await p.event({ kind: 'pre-compact', trigger: null, transcript: broken });
    expect(result.notes).toEqual(['transcript not read (ENOENT: no such file)']);
    expect((await getSession(p.elf.core, 'sess-1'))?.content_summary).toContain('checkpoint before compaction');
  });
});
