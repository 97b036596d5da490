import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@elf/schema';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { elf, elfDb, type Result, type Sandbox, sandbox } from './run-elf.js';

// Shared by the elf hook test files: a git project with a database, the payload fixtures, and ways to read the result.

const fixtures = fileURLToPath(new URL('../fixtures/hooks/', import.meta.url));

export interface Project extends Sandbox {
  project: string;
  session: string;
  transcript: string;
}

/** A sandbox with a git project, an initialised database and a few heuristics for it. */
export function setup(): Project {
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
    // Scoped to the project: what a session start shows besides the golden rules.
    '--project',
  ]);
  record(['record', 'heuristic', '--domain', 'frontend', '--rule', 'Keep React components free of data fetching']);
  return p;
}

export function payload(p: Project, name: string, vars: Record<string, string> = {}): string {
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

export const hook = (p: Project, input: string, args: string[] = []): Result =>
  elf(p, ['--db', p.db, 'hook', ...args], { input, cwd: p.project, env: { ELF_HOME: join(p.home, '.elf') } });

export function context(result: Result): string | null {
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  if (result.stdout === '') return null;
  const parsed = JSON.parse(result.stdout);
  expect(result.stdout.length).toBeLessThan(10_000);
  return parsed.hookSpecificOutput.additionalContext as string;
}

export async function db<T>(p: Project, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ path: p.db });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

export const hookLog = (p: Project) => {
  const file = join(p.home, '.elf', 'logs', 'hook.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};
