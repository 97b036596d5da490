import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ElfRun, elfJson, runElf } from './run-elf.js';

// A database with something in every view: heuristics in three domains (one golden, one with a
// confidence history), learnings of each type, a decision, and one hook session that laid
// trails, recorded a failure and built contexts (sessions, hot spots, slow queries).

export interface Seeded extends ElfRun {
  project: string;
  /** An ordinary heuristic, promoted by the tests. */
  toPromote: { id: number; rule: string };
  /** A heuristic with a few validations. */
  validated: { id: number; rule: string };
}

interface Recorded {
  id: number;
  rule: string;
}

const heuristic = (run: ElfRun, domain: string, rule: string, confidence: string) =>
  elfJson<Recorded>(run, ['record', 'heuristic', '--domain', domain, '--rule', rule, '--confidence', confidence]);

const learning = (run: ElfRun, type: string, domain: string, title: string, summary: string) =>
  runElf(run, ['record', type, '--domain', domain, '--title', title, '--summary', summary]);

async function hookSession(run: Seeded): Promise<void> {
  const base = { session_id: 'sess-dash-1', transcript_path: join(run.home, 'transcript.jsonl'), cwd: run.project };
  const file = (name: string) => join(run.project, name);
  const events = [
    { hook_event_name: 'SessionStart', source: 'startup' },
    { hook_event_name: 'UserPromptSubmit', prompt: 'Add a concurrent index to the orders migration' },
    {
      hook_event_name: 'PostToolUse',
      tool_name: 'Read',
      tool_input: { file_path: file('migrations/0042_orders.sql') },
      tool_response: {},
    },
    {
      hook_event_name: 'PostToolUse',
      tool_name: 'Edit',
      tool_input: { file_path: file('migrations/0042_orders.sql'), old_string: 'a', new_string: 'b' },
      tool_response: {},
    },
    {
      hook_event_name: 'PostToolUse',
      tool_name: 'Edit',
      tool_input: { file_path: file('src/db/orders.ts'), old_string: 'a', new_string: 'b' },
      tool_response: {},
    },
    {
      hook_event_name: 'PostToolUse',
      tool_name: 'Read',
      tool_input: { file_path: file('src/db/pool.ts') },
      tool_response: {},
    },
    {
      hook_event_name: 'PostToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'npm test' },
      tool_response: { stdout: 'ok' },
    },
    {
      hook_event_name: 'PostToolUseFailure',
      tool_name: 'Bash',
      tool_input: { command: 'npm run migrate' },
      error: 'Exit code 1\nERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block',
      is_interrupt: false,
    },
    { hook_event_name: 'SessionEnd', reason: 'prompt_input_exit' },
  ];
  // One after another: a session's events arrive in order.
  for (const event of events)
    await runElf({ ...run, cwd: run.project }, ['hook'], JSON.stringify({ ...base, ...event }));
}

export async function seedDashboard(dir: string): Promise<Seeded> {
  const home = join(dir, 'home');
  const project = join(dir, 'shop');
  mkdirSync(home, { recursive: true });
  mkdirSync(project, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: project });
  writeFileSync(join(home, 'transcript.jsonl'), '');
  const base: ElfRun = { db: join(dir, 'elf.db'), home };
  await runElf(base, ['init']);
  // Independent records go in side by side: the CLI's writes are safe from many processes.
  const [toPromote, validated] = await Promise.all([
    heuristic(base, 'frontend', 'Keep UI components free of data fetching', '0.6'),
    heuristic(base, 'database', 'Build indexes on big tables concurrently to avoid locking', '0.7'),
    heuristic(base, 'testing', 'Run the whole test suite before pushing a migration', '0.55'),
    heuristic(base, 'database', 'Wrap multi-statement migrations in one transaction', '0.45'),
    learning(
      base,
      'failure',
      'database',
      'Migration locked the orders table',
      'CREATE INDEX without CONCURRENTLY blocked writes for 4 minutes.',
    ),
    learning(
      base,
      'failure',
      'testing',
      'Flaky checkout test on CI',
      'The test depended on the wall clock; it failed near midnight.',
    ),
    learning(
      base,
      'success',
      'database',
      'Backfill ran in batches without downtime',
      'Batches of 10k rows kept replication lag under a second.',
    ),
    learning(
      base,
      'observation',
      'frontend',
      'Dashboard bundle grew past 200 KB',
      'A charting library pulled in moment.js.',
    ),
    runElf(base, [
      'record',
      'decision',
      '--title',
      'Use SQLite for the memory',
      '--context',
      'Agents on one machine need a shared local store',
      '--decision',
      'One embedded database file',
      '--rationale',
      'No server to run; WAL handles many readers',
      '--domain',
      'architecture',
    ]),
  ]);
  const seeded: Seeded = { ...base, project: realpathSync(project), toPromote, validated };
  for (const step of ['validate', 'validate', 'violate', 'validate'])
    await runElf(base, ['heuristic', step, String(validated.id)]);
  await hookSession(seeded);
  await runElf({ ...base, cwd: seeded.project }, ['context', '--task', 'add an index to the orders table']);
  return seeded;
}
