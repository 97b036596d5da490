import { execFileSync } from 'node:child_process';
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { context, db, hook, payload, setup } from './support/hook-project.js';

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
