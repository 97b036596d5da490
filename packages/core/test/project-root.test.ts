import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { resolveProjectRoot } from '../src/index.js';

function git(cwd: string, ...args: string[]) {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  });
}

function repository() {
  const base = realpathSync(tempDir('elf-git-'));
  const main = join(base, 'main');
  mkdirSync(join(main, 'src', 'deep'), { recursive: true });
  git(main, 'init', '-q', '-b', 'main');
  writeFileSync(join(main, 'README.md'), 'x');
  git(main, 'add', '.');
  git(main, 'commit', '-q', '-m', 'init');
  return { base, main };
}

describe('resolveProjectRoot (real git)', () => {
  it('is the repository root from any subdirectory', () => {
    const { main } = repository();
    expect(resolveProjectRoot(join(main, 'src', 'deep'))).toBe(main);
    expect(resolveProjectRoot(main)).toBe(main);
  });

  it('is the main worktree root from a linked worktree', () => {
    const { base, main } = repository();
    const linked = join(base, 'feature-tree');
    git(main, 'worktree', 'add', '-q', linked, '-b', 'feature');
    mkdirSync(join(linked, 'pkg'), { recursive: true });
    expect(resolveProjectRoot(linked)).toBe(main);
    expect(resolveProjectRoot(join(linked, 'pkg'))).toBe(main);
  });

  it('is the directory itself outside git', () => {
    const dir = realpathSync(tempDir('elf-nogit-'));
    expect(resolveProjectRoot(dir)).toBe(dir);
  });
});
