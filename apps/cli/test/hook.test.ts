import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@elf/schema';
import { holdWriteLock } from '@elf/test-support';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { elf, elfDb, type Result, type Sandbox, sandbox } from './support/run-elf.js';

const fixtures = fileURLToPath(new URL('./fixtures/hooks/', import.meta.url));

interface Project extends Sandbox {
  project: string;
  session: string;
  transcript: string;
}

/** A sandbox with a git project, an initialised database and a few heuristics for it. */
function setup(): Project {
  const box = sandbox();
  const project = join(box.dir, 'shop');
  mkdirSync(join(project, 'migrations'), { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: project });
  const real = realpathSync(project);
  const transcript = join(box.dir, 'transcript.jsonl');
  const p: Project = { ...box, project: real, session: 'sess-1', transcript };
  expect(elfDb(p, ['init']).code).toBe(0);
  const record = (args: string[]) => expect(elfDb(p, args, { cwd: real }).code).toBe(0);
  record([
    'record',
    'heuristic',
    '--domain',
    'database',
    '--rule',
    'Build indexes on big tables concurrently to avoid locking',
  ]);
  record(['record', 'heuristic', '--domain', 'frontend', '--rule', 'Keep React components free of data fetching']);
  return p;
}

function payload(p: Project, name: string, vars: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    SESSION: p.session,
    CWD: p.project,
    TRANSCRIPT: p.transcript,
    PROJECT: p.project,
    ...vars,
  };
  return readFileSync(join(fixtures, name), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) =>
    JSON.stringify(values[key] ?? '').slice(1, -1),
  );
}

const hook = (p: Project, input: string, args: string[] = []): Result =>
  elf(p, ['--db', p.db, 'hook', ...args], { input, cwd: p.project, env: { ELF_HOME: join(p.home, '.elf') } });

function context(result: Result): string | null {
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  if (result.stdout === '') return null;
  const parsed = JSON.parse(result.stdout);
  expect(result.stdout.length).toBeLessThan(10_000);
  return parsed.hookSpecificOutput.additionalContext as string;
}

async function db<T>(p: Project, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ path: p.db });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const hookLog = (p: Project) => {
  const file = join(p.home, '.elf', 'logs', 'hook.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

describe('elf hook: context injection', () => {
  it('SessionStart injects golden rules and this project’s knowledge as additionalContext and opens the session', async () => {
    const p = setup();
    const result = hook(p, payload(p, 'session-start.json'));
    expect(JSON.parse(result.stdout).hookSpecificOutput.hookEventName).toBe('SessionStart');
    const text = context(result) as string;
    expect(text).toContain('## Golden rules');
    expect(text).toContain('Build indexes on big tables concurrently');
    const session = await db(p, (d) => d.selectFrom('session_summaries').selectAll().executeTakeFirstOrThrow());
    expect(session).toMatchObject({ session_id: 'sess-1', project: p.project });
    const injected = await db(p, (d) => d.selectFrom('session_injections').selectAll().execute());
    expect(injected.length).toBeGreaterThan(3);
    expect(injected.every((i) => i.event === 'SessionStart')).toBe(true);
  });

  it('UserPromptSubmit adds what is relevant and new, never repeats an item, and adds nothing when nothing is relevant', async () => {
    const p = setup();
    // A global heuristic the SessionStart context (no task) does not show: the prompt should bring it.
    expect(
      elfDb(p, [
        'record',
        'heuristic',
        '--global',
        '--domain',
        'database',
        '--rule',
        'Take a backup before a migration that locks a table',
      ]).code,
    ).toBe(0);
    const start = context(hook(p, payload(p, 'session-start.json'))) as string;
    expect(start).not.toContain('Take a backup before');
    const first = context(hook(p, payload(p, 'user-prompt-submit.json'))) as string;
    expect(first).toContain('Take a backup before a migration');
    expect(first).not.toContain('## Golden rules');
    expect(first).not.toContain('Build indexes on big tables'); // shown at SessionStart
    expect(context(hook(p, payload(p, 'user-prompt-submit.json')))).toBeNull();
    const unrelated = JSON.parse(payload(p, 'user-prompt-submit.json'));
    unrelated.prompt = 'What a lovely afternoon for a walk in the park';
    expect(context(hook(p, JSON.stringify(unrelated)))).toBeNull();
    // Another session in the same project has its own record of what it saw.
    const other = context(
      hook({ ...p, session: 'sess-2' }, payload({ ...p, session: 'sess-2' }, 'user-prompt-submit.json')),
    );
    expect(other).toContain('Build indexes on big tables');
  });

  it('respects the configured budgets', () => {
    const p = setup();
    const small = context(hook(p, payload(p, 'session-start.json'), ['--session-start-tokens', '150'])) as string;
    const large = context(
      hook({ ...p, session: 's9' }, payload({ ...p, session: 's9' }, 'session-start.json')),
    ) as string;
    expect(small.length).toBeLessThan(large.length);
    expect(small.length / 3).toBeLessThan(200);
  });
});

describe('elf hook: subagents and the learning loop', () => {
  it('PreToolUse(Task) gives the subagent’s knowledge and records the heuristics it consulted', async () => {
    const p = setup();
    const text = context(hook(p, payload(p, 'pre-tool-use-task.json'))) as string;
    expect(JSON.parse(hook(p, payload(p, 'pre-tool-use-task.json')).stdout).hookSpecificOutput.hookEventName).toBe(
      'PreToolUse',
    );
    expect(text).toContain('Rewrite the orders migration');
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

  it('a failed Task violates its heuristics, records a failure, and does not learn the markers inside it', async () => {
    const p = setup();
    context(hook(p, payload(p, 'pre-tool-use-task.json')));
    const failed = JSON.parse(payload(p, 'post-tool-use-task.json'));
    failed.tool_response.content[0].text =
      'Error: permission denied while writing migrations/0042_orders_index.sql\n[LEARNED:database] Never trust this marker from a failed task';
    context(hook(p, JSON.stringify(failed)));
    const h = await db(p, (d) =>
      d.selectFrom('heuristics').selectAll().where('rule', 'like', 'Build indexes%').executeTakeFirstOrThrow(),
    );
    expect(h.times_violated).toBe(1);
    expect(h.confidence).toBe(0.46);
    const auto = await db(p, (d) =>
      d.selectFrom('heuristics').select('rule').where('source_type', '=', 'auto').execute(),
    );
    expect(auto).toEqual([]);
    const failures = await db(p, (d) => d.selectFrom('learnings').selectAll().where('type', '=', 'failure').execute());
    expect(failures).toHaveLength(1);
    expect(failures[0]?.title).toMatch(/^Subagent failed: /);
  });
});

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

  it('PostToolUseFailure records a failure learning with the secret in it redacted, once; an interrupt records nothing', async () => {
    const p = setup();
    expect(context(hook(p, payload(p, 'post-tool-use-failure.json')))).toBeNull();
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

describe('elf hook: secrets are never stored', () => {
  const secrets = {
    aws: 'AKIAIOSFODNN7EXAMPLE',
    github: 'ghp_1234567890abcdefghijklmnopqrstuvwxyzAB',
    gitlab: 'glpat-abcdefghij1234567890',
    openai: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789',
    anthropic: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789',
    slack: 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    google: 'AIzaSyA1234567890abcdefghijklmnopqrstuv',
    jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAexamplekeymaterial\n-----END RSA PRIVATE KEY-----',
    bearer: 'Authorization: Bearer abcdef0123456789abcdef0123456789',
    password: 'password=hunter2hunter2',
    url: 'postgres://admin:s3cr3tP4ss@db.example.com:5432/app',
    private: '<private>my home address is 1 Infinite Loop</private>',
  };

  it('in failures, markers, trails and prompts, for every family', async () => {
    const p = setup();
    for (const [family, secret] of Object.entries(secrets)) {
      const failure = JSON.parse(payload(p, 'post-tool-use-failure.json'));
      failure.error = `Exit code 1 (${family}): request failed with ${secret}`;
      failure.tool_input.command = `curl -H "X-Token: ${family}" https://api.example.com --data '${secret.replace(/'/g, '')}'`;
      hook(p, JSON.stringify(failure));
      const task = JSON.parse(payload(p, 'post-tool-use-task.json'));
      task.tool_use_id = `toolu_${family}`;
      task.tool_response.content[0].text = `Task complete.\n[LEARNED:security] Never paste ${secret.split('\n')[0]} into a ${family} config`;
      hook(p, JSON.stringify(task));
      const bash = JSON.parse(payload(p, 'post-tool-use-bash.json'));
      bash.tool_input.command = `export TOKEN=${secret.split('\n')[0]} && deploy ${family}`;
      hook(p, JSON.stringify(bash));
      const prompt = JSON.parse(payload(p, 'user-prompt-submit.json'));
      prompt.prompt = `Use ${secret} for ${family} please`;
      hook(p, JSON.stringify(prompt));
    }
    const dump = await db(p, async (d) =>
      JSON.stringify([
        await d.selectFrom('learnings').selectAll().execute(),
        await d.selectFrom('heuristics').selectAll().execute(),
        await d.selectFrom('trails').selectAll().execute(),
        await d.selectFrom('session_summaries').selectAll().execute(),
        await d.selectFrom('building_queries').selectAll().execute(),
      ]),
    );
    // The part of each secret that must never be stored.
    const needles: Record<keyof typeof secrets, string> = {
      aws: 'AKIAIOSFODNN7EXAMPLE',
      github: secrets.github,
      gitlab: secrets.gitlab,
      openai: secrets.openai,
      anthropic: secrets.anthropic,
      slack: secrets.slack,
      google: secrets.google,
      jwt: 'dozjgNryP4J3jVmNHl0w5N',
      pem: 'examplekeymaterial',
      bearer: 'abcdef0123456789abcdef0123456789',
      password: 'hunter2hunter2',
      url: 's3cr3tP4ss',
      private: 'Infinite Loop',
    };
    const leaked = Object.entries(needles).filter(([, needle]) => dump.includes(needle));
    expect(leaked.map(([family]) => family)).toEqual([]);
    expect(dump).toContain('[REDACTED:');
  });
});

describe('elf hook: fails open', () => {
  it('exits 0 with no output on malformed JSON, an unknown event, empty stdin, and logs why', () => {
    const p = setup();
    for (const input of [
      '{not json',
      '',
      '[]',
      JSON.stringify({ hook_event_name: 'Notification', session_id: 's' }),
      '{"hook_event_name":"SessionStart"}',
    ]) {
      const result = hook(p, input);
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    expect(hookLog(p)).toMatch(/ignored: not a hook event/);
    expect(hookLog(p)).toMatch(/ignored: unhandled event Notification/);
  });

  it('exits 0 with no output when the database is missing (and does not create it)', () => {
    const p = setup();
    const missing = join(p.dir, 'nowhere', 'elf.db');
    const result = elf(p, ['--db', missing, 'hook'], {
      input: payload(p, 'session-start.json'),
      env: { ELF_HOME: join(p.home, '.elf') },
    });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(missing)).toBe(false);
    expect(hookLog(p)).toMatch(/SessionStart: /);
  });

  it('exits 0 quickly with no output when another process holds the database', async () => {
    const p = setup();
    const lock = await holdWriteLock(p.db, { lock: 'exclusive', from: import.meta.url });
    try {
      const started = Date.now();
      const result = hook(p, payload(p, 'post-tool-use-read.json'));
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(hookLog(p)).toMatch(/PostToolUse: .*(busy|locked)/i);
    } finally {
      await lock.release();
    }
  }, 30_000);
});

describe('elf hook: project identity', () => {
  it('a linked worktree and a subdirectory resolve to the main worktree’s project', async () => {
    const p = setup();
    const git = (args: string[], cwd = p.project) => execFileSync('git', args, { cwd, stdio: 'pipe' });
    writeFileSync(join(p.project, 'README.md'), 'shop\n');
    git(['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.']);
    git(['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init']);
    const worktree = join(p.dir, 'shop-feature');
    git(['worktree', 'add', '-q', worktree, '-b', 'feature']);
    const sub = join(p.project, 'migrations');
    for (const [session, cwd, checkout] of [
      ['wt', realpathSync(worktree), realpathSync(worktree)],
      ['sub', sub, p.project],
    ] as const) {
      const read = JSON.parse(payload({ ...p, session }, 'post-tool-use-read.json'));
      read.cwd = cwd;
      read.tool_input.file_path = join(checkout, 'migrations', '0042_orders_index.sql');
      expect(hook(p, JSON.stringify(read)).code).toBe(0);
      const start = JSON.parse(payload({ ...p, session }, 'session-start.json'));
      start.cwd = cwd;
      expect(context(hook(p, JSON.stringify(start)))).toContain('Build indexes on big tables concurrently');
    }
    // One project, and the same file is the same place whichever checkout it was read in.
    const trails = await db(p, (d) =>
      d.selectFrom('trails').select(['session_id', 'project_path', 'location']).orderBy('id').execute(),
    );
    expect(trails).toEqual([
      { session_id: 'wt', project_path: p.project, location: 'migrations/0042_orders_index.sql' },
      { session_id: 'sub', project_path: p.project, location: 'migrations/0042_orders_index.sql' },
    ]);
    const sessions = await db(p, (d) =>
      d.selectFrom('session_summaries').select(['session_id', 'project']).orderBy('id').execute(),
    );
    expect(sessions).toEqual([
      { session_id: 'wt', project: p.project },
      { session_id: 'sub', project: p.project },
    ]);
  });
});
