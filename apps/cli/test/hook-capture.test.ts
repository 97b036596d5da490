import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { context, db, hook, payload, setup } from './support/hook-project.js';
import { elfDb } from './support/run-elf.js';

describe('elf hook: trails, failures, summaries', () => {
  it('PostToolUse lays trails relative to the project root, with scents, for file tools and commands', async () => {
    const p = setup();
    for (const name of [
      'post-tool-use-read.json',
      'post-tool-use-edit.json',
      'post-tool-use-grep.json',
      'post-tool-use-bash.json',
    ]) {
      expect(context(hook(p, payload(p, name)))).toBeNull();
    }
    const trails = await db(p, (d) =>
      d
        .selectFrom('trails')
        .select(['location', 'location_type', 'scent', 'strength', 'session_id', 'project_path'])
        .orderBy('id')
        .execute(),
    );
    expect(trails).toEqual([
      {
        location: 'migrations/0042_orders_index.sql',
        location_type: 'file',
        scent: 'read',
        strength: 0.5,
        session_id: 'sess-1',
        project_path: p.project,
      },
      {
        location: 'migrations/0042_orders_index.sql',
        location_type: 'file',
        scent: 'write',
        strength: 1,
        session_id: 'sess-1',
        project_path: p.project,
      },
      {
        location: 'migrations',
        location_type: 'file',
        scent: 'search',
        strength: 0.3,
        session_id: 'sess-1',
        project_path: p.project,
      },
      {
        location: 'npm test -- migrations',
        location_type: 'command',
        scent: 'exec',
        strength: 0.5,
        session_id: 'sess-1',
        project_path: p.project,
      },
    ]);
    const hot = JSON.parse(elfDb(p, ['query', '--hotspots', '--json'], { cwd: p.project }).stdout);
    expect(hot.hotspots[0]).toMatchObject({ location: 'migrations/0042_orders_index.sql', visits: 2, strength: 1.5 });
    const listed = JSON.parse(elfDb(p, ['query', '--trails', '--json'], { cwd: p.project }).stdout);
    expect(listed.trails).toHaveLength(4);
  });

  it('PostToolUseFailure records a failure learning with the secret in it redacted, once, answers with what is known about the error; an interrupt records nothing', async () => {
    const p = setup();
    // The project's rule about concurrent indexes matches the error: it comes back with the failure.
    const known = context(hook(p, payload(p, 'post-tool-use-failure.json')));
    expect(known).toMatch(/^ELF knowledge about this error:\n\n# ELF memory/);
    expect(known).toContain('Build indexes on big tables concurrently to avoid locking');
    expect(known).not.toContain('Sup3rS3cretPw');
    // Once a session: the second time, nothing new.
    expect(context(hook(p, payload(p, 'post-tool-use-failure.json')))).toBeNull();
    const failures = await db(p, (d) => d.selectFrom('learnings').selectAll().where('type', '=', 'failure').execute());
    expect(failures).toHaveLength(1);
    expect(failures[0]?.title).toMatch(/^Bash failed: /);
    expect(failures[0]?.summary).toContain('CREATE INDEX CONCURRENTLY cannot run inside a transaction block');
    expect(failures[0]?.domain).toBe('database');
    expect(JSON.stringify(failures)).not.toContain('Sup3rS3cretPw');
    const interrupted = JSON.parse(payload(p, 'post-tool-use-failure.json'));
    interrupted.is_interrupt = true;
    interrupted.error = 'Interrupted by user';
    context(hook(p, JSON.stringify(interrupted)));
    expect(
      await db(p, (d) => d.selectFrom('learnings').select('id').where('type', '=', 'failure').execute()),
    ).toHaveLength(1);
  });

  it('PreCompact and SessionEnd summarise the session and learn the main agent’s markers from the transcript', async () => {
    const p = setup();
    writeFileSync(p.transcript, payload(p, 'transcript.jsonl'));
    hook(p, payload(p, 'session-start.json'));
    for (const name of [
      'post-tool-use-read.json',
      'post-tool-use-edit.json',
      'post-tool-use-bash.json',
      'post-tool-use-failure.json',
    ]) {
      hook(p, payload(p, name));
    }
    expect(context(hook(p, payload(p, 'pre-compact.json')))).toBeNull();
    expect(context(hook(p, payload(p, 'session-end.json')))).toBeNull();
    const summary = await db(p, (d) => d.selectFrom('session_summaries').selectAll().executeTakeFirstOrThrow());
    expect(JSON.parse(summary.tool_counts)).toEqual({ Read: 1, Edit: 1, Bash: 2 });
    expect(JSON.parse(summary.files_touched)).toEqual(['migrations/0042_orders_index.sql']);
    expect(summary.failures_count).toBe(1);
    expect(summary.markers_count).toBe(2);
    expect(summary.ended_at).not.toBeNull();
    expect(summary.content_summary).toContain('ended: prompt_input_exit');
    const learned = await db(p, (d) =>
      d.selectFrom('heuristics').select(['domain', 'rule']).where('source_type', '=', 'auto').execute(),
    );
    expect(learned).toEqual([
      { domain: 'deploy', rule: 'Never run schema migrations during the nightly batch window' },
    ]);
    const sessions = JSON.parse(elfDb(p, ['query', '--sessions', '--json'], { cwd: p.project }).stdout);
    expect(sessions.sessions[0].session_id).toBe('sess-1');
  });
});
