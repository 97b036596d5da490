import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadO200kCounter } from '@elf/context';
import { describe, expect, it } from 'vitest';
import { context, db, hook, payload, setup } from './support/hook-project.js';
import { elfDb } from './support/run-elf.js';

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

  it('respects the configured budgets', async () => {
    const counter = await loadO200kCounter();
    const p = setup();
    const small = context(hook(p, payload(p, 'session-start.json'), ['--session-start-tokens', '150'])) as string;
    const large = context(
      hook({ ...p, session: 's9' }, payload({ ...p, session: 's9' }, 'session-start.json')),
    ) as string;
    expect(small.length).toBeLessThan(large.length);
    expect(counter.count(small)).toBeLessThanOrEqual(150);
  });

  it('SessionStart leaves out the golden rules `elf golden export` put into CLAUDE.md or ~/.claude/CLAUDE.md, and says so', () => {
    const p = setup();
    const said = (file: string) => `\n_Golden rules already in ${file} (ELF's managed block) are not repeated here._\n`;
    const start = (session: string) =>
      context(hook({ ...p, session }, payload({ ...p, session }, 'session-start.json'))) as string;
    expect(start('s0')).toContain('Query ELF before acting');

    expect(elfDb(p, ['golden', 'export', '--to', 'claude-md'], { cwd: p.project }).code).toBe(0);
    const project = start('s1');
    expect(project).toContain('Build indexes on big tables concurrently');
    expect(project).not.toContain('## Golden rules');
    expect(project).not.toContain('Query ELF before acting');
    expect(project.endsWith(said('CLAUDE.md'))).toBe(true);
    const log = readFileSync(join(p.home, '.elf', 'logs', 'hook.log'), 'utf8');
    expect(log).toMatch(/SessionStart: left out 8 golden rules already in CLAUDE\.md\n$/);

    // The user-level file: the home is the hook process's own (HOME), passed in by the CLI.
    rmSync(join(p.project, 'CLAUDE.md'));
    const user = join(p.home, '.claude', 'CLAUDE.md');
    expect(elfDb(p, ['golden', 'export', '--to', 'claude-md', '--file', user]).code).toBe(0);
    const home = start('s2');
    expect(home).not.toContain('Query ELF before acting');
    expect(home.endsWith(said('~/.claude/CLAUDE.md'))).toBe(true);

    rmSync(user);
    expect(start('s3')).toContain('Query ELF before acting');
  });
});
