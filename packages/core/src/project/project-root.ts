import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function readGitFile(dotGit: string): string | null {
  try {
    return /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim() ?? null;
  } catch {
    return null;
  }
}

/** For a linked worktree, the main worktree's root, found through the git common dir. */
function mainWorktreeRoot(worktreeDir: string, gitDir: string): string {
  try {
    const common = resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
    return basename(common) === '.git' ? dirname(common) : worktreeDir;
  } catch {
    // No commondir: a submodule, whose own directory is the project.
    return worktreeDir;
  }
}

/**
 * The identity of the project a directory belongs to, used on every read and write path:
 * the main worktree root for a git worktree, the repository root for any subdirectory of a
 * repository, and the directory itself outside git. Reads files only (no `git` process), so it
 * stays cheap enough for every hook.
 */
export function resolveProjectRoot(cwd: string): string {
  const start = real(resolve(cwd));
  let dir = start;
  for (;;) {
    const dotGit = join(dir, '.git');
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return dir;
    if (stat?.isFile()) {
      const gitDir = readGitFile(dotGit);
      return gitDir ? real(mainWorktreeRoot(dir, resolve(dir, gitDir))) : dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/**
 * The root of the checkout a directory is in: the nearest ancestor with a `.git` (a linked
 * worktree's own root, unlike resolveProjectRoot), else the directory itself. Paths are stored
 * relative to it, so a file is the same place in every worktree of a project.
 */
export function resolveCheckoutRoot(cwd: string): string {
  const start = real(resolve(cwd));
  for (let dir = start; ; ) {
    if (statSync(join(dir, '.git'), { throwIfNoEntry: false })) return dir;
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}
