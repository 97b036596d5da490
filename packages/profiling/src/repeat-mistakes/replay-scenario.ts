import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenCounter } from '@elf/core';
import { type Database, ElfError, openDatabase } from '@elf/schema';
import type { Kysely } from 'kysely';
import { carriesItem } from './lesson-match.js';
import { originalPromptContext, originalTaskContext, type SelectedContext } from './original-style.js';
import { injectedText, type ReplayStep, sessionSteps } from './payloads.js';
import { runProcess } from './run-process.js';
import type { Scenario, SessionRole } from './scenario.js';

export interface ReplayOptions {
  /** The built `elf` entry (apps/cli/dist/bin.js): every hook and command is a fresh process of it. */
  bin: string;
  /** The Node that runs it (default: this one). */
  node?: string;
  /** A closed database with the background knowledge, copied for every scenario. */
  seedDatabase: string;
  /** An empty folder for this scenario: its database, home and git repositories. */
  dir: string;
  /** The injected clock: session k starts k + 1 days after this, events a minute apart. */
  start: Date;
  tokenCounter: TokenCounter;
  /** Environment of every process (PATH and the like); ELF_HOME, HOME and ELF_NOW are set here. */
  env: NodeJS.ProcessEnv;
}

export interface LessonItem {
  kind: 'heuristic' | 'learning';
  id: number;
  text: string;
  /** A learning's type (failure, observation, success). */
  type?: string;
}

/** One answer that could carry knowledge, as each selector gave it. */
export interface Injection {
  event: string;
  eventIndex: number | null;
  elf: { tokens: number; lesson: boolean; text: string };
  original: { tokens: number; lesson: boolean } | null;
}

export interface SessionRecord {
  role: SessionRole;
  repo: string;
  injections: Injection[];
  /** Index in `injections` of the answer at the first moment the lesson is relevant. */
  relevantAt: number;
}

export interface ScenarioRecord {
  scenario: Scenario;
  lesson: LessonItem[];
  sessions: SessionRecord[];
  /** Wrong lessons: violations (violated + contradicted) of the lesson heuristics after the violate sessions. */
  violations: number | null;
  /** Their status then (dormant once proven wrong). */
  lessonStatus: string[];
  /** `elf` processes started (hooks and commands). */
  processes: number;
  /** The learn sessions left an item of the scenario's lessonKind (a heuristic; a captured failure). */
  captured: boolean;
}

const dayMs = 86_400_000;
const minuteMs = 60_000;

/** Replays one scenario on a fresh copy of the seed database, through the real `elf` processes. */
export async function replayScenario(scenario: Scenario, options: ReplayOptions): Promise<ScenarioRecord> {
  const home = join(options.dir, 'home');
  const elfHome = join(options.dir, '.elf');
  mkdirSync(home, { recursive: true });
  mkdirSync(elfHome, { recursive: true });
  const dbPath = join(elfHome, 'elf.db');
  copyFileSync(options.seedDatabase, dbPath);
  const repos = new Map<string, string>();
  const repoDir = (name: string) => {
    let dir = repos.get(name);
    if (!dir) {
      dir = join(options.dir, 'repos', name);
      mkdirSync(dir, { recursive: true });
      execFileSync('git', ['init', '-q'], { cwd: dir });
      repos.set(name, dir);
    }
    return dir;
  };
  const handle = await openDatabase({ path: dbPath, readonly: true });
  const db = handle.db;
  try {
    const seedMax = await maxIds(db);
    const record: ScenarioRecord = {
      scenario,
      lesson: [],
      sessions: [],
      violations: null,
      lessonStatus: [],
      processes: 0,
      captured: false,
    };
    let lessonKnown = false;
    for (const [k, session] of scenario.sessions.entries()) {
      if (session.role !== 'learn' && !lessonKnown) {
        record.lesson = await lessonItems(db, scenario, seedMax);
        record.captured = record.lesson.some((item) =>
          scenario.lessonKind === 'heuristic' ? item.kind === 'heuristic' : item.type === 'failure',
        );
        lessonKnown = true;
      }
      if (session.role === 'after' && record.violations === null) await noteViolations(db, record);
      const sessionStart = options.start.getTime() + (k + 1) * dayMs + 9 * 3_600_000;
      const cwd = repoDir(session.repo);
      const sessionId = `bench-${scenario.id}-${k + 1}`;
      const steps = sessionSteps(session, { sessionId, cwd, home });
      const injections: Injection[] = [];
      for (const [i, step] of steps.entries()) {
        const now = new Date(sessionStart + i * minuteMs);
        const env = { ...options.env, ELF_HOME: elfHome, HOME: home, ELF_NOW: now.toISOString() };
        const injection = await runStep(step, { ...options, db, env, cwd, now, record, sessionId });
        if (injection) injections.push(injection);
      }
      record.sessions.push({
        role: session.role,
        repo: session.repo,
        injections,
        relevantAt: relevantAt(session, injections),
      });
    }
    return record;
  } finally {
    await handle.close();
  }
}

interface StepContext extends ReplayOptions {
  db: Kysely<Database>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: Date;
  record: ScenarioRecord;
  sessionId: string;
}

async function runStep(step: ReplayStep, ctx: StepContext): Promise<Injection | null> {
  const node = ctx.node ?? process.execPath;
  const run = async (args: string[], input?: string) => {
    ctx.record.processes++;
    const result = await runProcess(node, [ctx.bin, ...args], { cwd: ctx.cwd, env: ctx.env, input });
    if (result.code !== 0) {
      throw new ElfError(
        'INTERNAL',
        `${ctx.record.scenario.id}: \`elf ${args.join(' ').slice(0, 60)}\` exited ${result.code}: ${result.stderr.trim().split('\n')[0] ?? ''}`,
      );
    }
    return result.stdout;
  };
  if (step.kind === 'cli') {
    await run(step.args);
    return null;
  }
  if (step.kind === 'violate') {
    // Nothing learned (reported as not captured): nothing for a person to mark.
    const heuristics = ctx.record.lesson.filter((item) => item.kind === 'heuristic');
    for (const h of heuristics) {
      // A rule already put to sleep (by this session's failed subagent) is no longer there to mark.
      const row = await ctx.db.selectFrom('heuristics').select('status').where('id', '=', h.id).executeTakeFirst();
      if (row?.status !== 'active') continue;
      await run(['heuristic', 'violate', String(h.id), '--note', step.note, '--session', ctx.sessionId]);
    }
    return null;
  }
  // The baseline sees the database as it is when the event arrives, like ELF's hook.
  const original = step.injects ? await originalFor(step, ctx) : null;
  const stdout = await run(['hook'], JSON.stringify(step.payload));
  if (!step.injects) return null;
  const text = injectedText(stdout, step.taskPrompt);
  const lesson = ctx.record.lesson;
  return {
    event: step.event,
    eventIndex: step.eventIndex,
    elf: {
      tokens: text ? ctx.tokenCounter.count(text) : 0,
      lesson: lesson.some((item) => carriesItem(text, item.text)),
      text,
    },
    original: original && {
      tokens: original.text ? ctx.tokenCounter.count(original.text) : 0,
      lesson: lesson.some((item) =>
        (item.kind === 'heuristic' ? original.heuristics : original.learnings).includes(item.id),
      ),
    },
  };
}

async function originalFor(
  step: Extract<ReplayStep, { kind: 'hook' }>,
  ctx: StepContext,
): Promise<SelectedContext | null> {
  const domain = ctx.record.scenario.domain;
  if (step.event === 'UserPromptSubmit') return originalPromptContext(ctx.db, { domain, now: ctx.now });
  if (step.event === 'PreToolUse') return originalTaskContext(ctx.db, { domain });
  // The original injected nothing at session start (its hooks: UserPromptSubmit and PreToolUse).
  return null;
}

async function maxIds(db: Kysely<Database>) {
  const h = await db
    .selectFrom('heuristics')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  const l = await db
    .selectFrom('learnings')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return { heuristic: Number(h?.max ?? 0), learning: Number(l?.max ?? 0) };
}

/**
 * The lesson: what the learn sessions left in the database — the heuristics they created (markers,
 * a person's `elf record`) and, for a repeat scenario, the learnings (captured failures, markers
 * kept as observations). Whether it holds an item of the scenario's lessonKind is reported
 * (`captured`), never assumed: a marker stored as an observation is a capture miss to see.
 */
async function lessonItems(db: Kysely<Database>, scenario: Scenario, seedMax: { heuristic: number; learning: number }) {
  const heuristics = await db
    .selectFrom('heuristics')
    .select(['id', 'rule'])
    .where('id', '>', seedMax.heuristic)
    .orderBy('id')
    .execute();
  const learnings =
    scenario.type === 'wrong'
      ? []
      : await db
          .selectFrom('learnings')
          .select(['id', 'title', 'type'])
          .where('id', '>', seedMax.learning)
          .orderBy('id')
          .execute();
  const items: LessonItem[] = [
    ...heuristics.map((h) => ({ kind: 'heuristic' as const, id: h.id, text: h.rule })),
    ...learnings.map((f) => ({ kind: 'learning' as const, id: f.id, text: f.title, type: f.type })),
  ];
  return items;
}

async function noteViolations(db: Kysely<Database>, record: ScenarioRecord) {
  const ids = record.lesson.filter((item) => item.kind === 'heuristic').map((item) => item.id);
  const rows = await db
    .selectFrom('heuristics')
    .select(['times_violated', 'times_contradicted', 'status'])
    .where('id', 'in', ids)
    .execute();
  // Nothing learned to violate (a capture miss, reported as such): no violations.
  record.violations = rows.length ? Math.min(...rows.map((r) => r.times_violated + r.times_contradicted)) : 0;
  record.lessonStatus = rows.map((r) => r.status);
}

/** The answer at the first event marked relevant (else the first prompt). */
function relevantAt(session: Scenario['sessions'][number], injections: Injection[]): number {
  let marked = session.events.findIndex((e) => 'relevant' in e && e.relevant === true);
  if (marked < 0) marked = session.events.findIndex((e) => 'prompt' in e);
  return injections.findIndex((x) => x.eventIndex === marked);
}
