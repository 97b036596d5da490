import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@elf/schema';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { elf, elfDb, json, sandbox } from './support/run-elf.js';

const fixtures = fileURLToPath(new URL('./fixtures/hooks/', import.meta.url));

function project() {
  const box = sandbox();
  const dir = join(box.dir, 'shop');
  mkdirSync(dir);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const root = realpathSync(dir);
  expect(elfDb(box, ['init']).code).toBe(0);
  return { box, root };
}

function hook(
  box: ReturnType<typeof sandbox>,
  root: string,
  name: string,
  patch: (p: Record<string, any>) => void = () => {},
) {
  const payload = JSON.parse(
    readFileSync(join(fixtures, name), 'utf8')
      .replaceAll('{{SESSION}}', 'sess-co')
      .replaceAll('{{CWD}}', root)
      .replaceAll('{{PROJECT}}', root)
      .replaceAll('{{TRANSCRIPT}}', join(box.dir, 'none.jsonl')),
  );
  patch(payload);
  const result = elf(box, ['--db', box.db, 'hook'], { input: JSON.stringify(payload), cwd: root });
  expect(result.code).toBe(0);
}

describe('elf check-in', () => {
  it('prints the context, then counts, pending reviews, promotion candidates and the violation level', async () => {
    const { box, root } = project();
    expect(
      elfDb(box, ['record', 'heuristic', '--domain', 'api', '--rule', 'Version every public endpoint'], { cwd: root })
        .code,
    ).toBe(0);
    const handle = await openDatabase({ path: box.db });
    await sql`update heuristics set confidence = 0.92, times_validated = 12 where rule like 'Version every%'`.execute(
      handle.db,
    );
    await sql`insert into ceo_reviews (title, status) values ('Adopt SQLite for the cache', 'pending')`.execute(
      handle.db,
    );
    for (let i = 0; i < 5; i++) {
      await sql`insert into violations (rule_id, rule_name, description) values (1, 'Query before acting', ${`slip ${i}`})`.execute(
        handle.db,
      );
    }
    await handle.close();
    const text = elfDb(box, ['check-in'], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('## Golden rules');
    expect(text.stdout).toMatch(/## ELF status\n- \d+ learnings, \d+ heuristics \(8 golden rules\)/);
    expect(text.stdout).toContain('#1 Adopt SQLite for the cache');
    expect(text.stdout).toMatch(
      /Near or at the golden-rule thresholds \(promotion mode auto\): 1\n {2}- #(\d+) \[api\] Version every public endpoint \(92%, 12 validated; qualifies: elf heuristic promote \1\)/,
    );
    expect(text.stdout).toContain('Golden-rule violations, last 7 days: 5 — PROBATION');
    const data = json(elfDb(box, ['check-in', '--json', '--task', 'add an endpoint'], { cwd: root }));
    expect(data.status.violations_7d).toEqual({ total: 5, level: 'probation' });
    expect(data.context.tokens).toBeLessThanOrEqual(2000);
  });
});

describe('elf check-out', () => {
  it('summarises the newest session from what the hooks recorded, with consulted heuristics and suggestions', () => {
    const { box, root } = project();
    expect(
      elfDb(box, ['record', 'heuristic', '--domain', 'database', '--rule', 'Build indexes concurrently'], { cwd: root })
        .code,
    ).toBe(0);
    hook(box, root, 'session-start.json');
    hook(box, root, 'pre-tool-use-task.json');
    hook(box, root, 'post-tool-use-task.json');
    for (let i = 0; i < 6; i++) hook(box, root, 'post-tool-use-edit.json');
    for (let i = 0; i < 4; i++) hook(box, root, 'post-tool-use-bash.json');
    const out = elfDb(box, ['check-out'], { cwd: root });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Session sess-co — /);
    expect(out.stdout).toMatch(/Tools: Edit 6, Bash 4, Task 1/);
    expect(out.stdout).toContain('Files: migrations/0042_orders_index.sql');
    expect(out.stdout).toMatch(/#\d+ \[database\] Build indexes concurrently — success/);
    expect(out.stdout).toContain('[testing] Run the tests after every few file edits');
    const recorded = json(elfDb(box, ['check-out', '--record', '--json'], { cwd: root }));
    expect(recorded.recorded).toEqual([{ kind: 'heuristic', id: expect.any(Number), action: 'added' }]);
    const again = json(elfDb(box, ['check-out', '--record', '--json'], { cwd: root }));
    expect(again.recorded).toEqual([]);
  });

  it('reads a transcript for tool counts, and says clearly when there is no session', () => {
    const { box, root } = project();
    const none = elfDb(box, ['check-out'], { cwd: root });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^elf: --session: no session recorded for this project/);
    const lines = [
      ...Array.from({ length: 12 }, (_, i) => ({
        type: 'assistant',
        message: { role: 'assistant', content: [{ type: 'tool_use', id: `r${i}`, name: 'Read', input: {} }] },
      })),
      {
        type: 'user',
        message: {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'r1', is_error: true, content: 'ENOENT' }],
        },
      },
      {
        type: 'assistant',
        isSidechain: true,
        message: { role: 'assistant', content: [{ type: 'tool_use', id: 'x', name: 'Grep', input: {} }] },
      },
    ];
    const file = join(box.dir, 'session.jsonl');
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const data = json(elfDb(box, ['check-out', '--transcript', file, '--json'], { cwd: root }));
    expect(data.tools).toEqual({ Read: { calls: 12, failures: 1 } });
    expect(data.suggestions.map((s: { rule: string }) => s.rule)).toEqual([
      'Search with grep or glob before reading many files one by one',
    ]);
    expect(elfDb(box, ['check-out', '--session', 'nope'], { cwd: root }).stderr).toBe(
      'elf: --session: no session nope\n',
    );
  });
});
