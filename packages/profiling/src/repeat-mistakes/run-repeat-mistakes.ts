import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { TokenCounter } from '@elf/core';
import { ElfError } from '@elf/schema';
import { type ReplayOptions, replayScenario, type ScenarioRecord } from './replay-scenario.js';
import { parseScenarioFile, type Scenario } from './scenario.js';
import { recallBy, type SelectorScore, scoreSelector, selectorNames, sessionLesson, sessionTokens } from './score.js';

export interface RepeatMistakesOptions extends Pick<ReplayOptions, 'bin' | 'node' | 'seedDatabase' | 'start' | 'env'> {
  scenarios: Scenario[];
  /** A folder for the scenarios' databases and repositories. */
  dir: string;
  tokenCounter: TokenCounter;
  /** Scenarios replayed at once (each is its own database; default: the CPU count, at most 4). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Each scenario's whole record as it finishes (what every hook answered, for inspection). */
  onScenario?: (record: ScenarioRecord) => void;
}

export interface SessionOutcome {
  scenario: string;
  session: number;
  role: string;
  repo: string;
  elf: { lesson: boolean; inTime: boolean; tokens: number };
  original: { lesson: boolean; inTime: boolean; tokens: number };
}

export interface RepeatMistakesReport {
  scenarios: number;
  domains: string[];
  sessions: number;
  /** `elf` processes started: every hook event and command was one. */
  processes: number;
  selectors: SelectorScore[];
  /** ELF's lesson recall by how the later sessions differ, how the lesson was learned, and domain. */
  elfRecallBy: Record<
    'variation' | 'learnedBy' | 'domain',
    Record<string, { recalled: number; sessions: number; recall: number }>
  >;
  /** Scenarios whose learn sessions left no item of their lessonKind (e.g. a rule kept as an observation). */
  notCaptured: string[];
  /** Wrong lessons: violations reached and status before the after sessions. */
  wrongLessons: Array<{ scenario: string; violations: number | null; status: string[] }>;
  /** Every recall, control and after session, for the misses and false injections. */
  outcomes: SessionOutcome[];
}

function readJson(path: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ElfError('INVALID_INPUT', `${name}: not JSON: ${(error as Error).message}`, { field: 'scenarios' });
  }
}

/** Reads every `*.json` scenario file of a folder, in name order. */
export function loadScenarios(dir: string): Scenario[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new ElfError('INVALID_INPUT', `scenarios: cannot read ${dir}: ${(error as Error).message}`, {
      field: 'scenarios',
    });
  }
  const scenarios = names.flatMap((name) => parseScenarioFile(name, readJson(join(dir, name), name)));
  const ids = new Set<string>();
  for (const s of scenarios) {
    if (ids.has(s.id)) throw new ElfError('INVALID_INPUT', `scenarios: id ${s.id} is used twice`, { field: 'id' });
    ids.add(s.id);
  }
  return scenarios;
}

/**
 * A slice of `count` scenarios that keeps the corpus's spread: one domain after another (in corpus
 * order), and from each the next of its scenarios in turn, so 12 of a 12-domain corpus whose files
 * each hold a failure, a marker, a record and a wrong lesson take three of each kind.
 */
export function sliceScenarios(scenarios: readonly Scenario[], count: number): Scenario[] {
  if (count >= scenarios.length) return [...scenarios];
  const byDomain = new Map<string, Scenario[]>();
  for (const s of scenarios) byDomain.set(s.domain, [...(byDomain.get(s.domain) ?? []), s]);
  const groups = [...byDomain.values()];
  const picked: Scenario[] = [];
  const taken = new Set<Scenario>();
  for (let i = 0; picked.length < count; i++) {
    const group = groups[i % groups.length] as Scenario[];
    const round = Math.floor(i / groups.length);
    const s =
      group.find((_, j) => j >= (i + round) % group.length && !taken.has(group[j] as Scenario)) ??
      group.find((x) => !taken.has(x));
    if (s) {
      picked.push(s);
      taken.add(s);
    }
  }
  return picked;
}

/** Replays every scenario through the real `elf` processes and scores the three selectors on the same streams. */
export async function runRepeatMistakes(options: RepeatMistakesOptions): Promise<RepeatMistakesReport> {
  const { scenarios } = options;
  const records: ScenarioRecord[] = new Array(scenarios.length);
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, cpus().length));
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < scenarios.length; i = next++) {
      const scenario = scenarios[i] as Scenario;
      const dir = join(options.dir, scenario.id);
      mkdirSync(dir, { recursive: true });
      const record = await replayScenario(scenario, { ...options, dir });
      records[i] = record;
      options.onScenario?.(record);
      options.onProgress?.(++done, scenarios.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return reportOf(records);
}

export function reportOf(records: ScenarioRecord[]): RepeatMistakesReport {
  const outcomes: SessionOutcome[] = records.flatMap((r) =>
    r.sessions.flatMap((s, i) => {
      if (s.role === 'learn' || s.role === 'violate') return [];
      const of = (selector: 'elf' | 'original-style') => {
        const l = sessionLesson(selector, s);
        return { lesson: l.any, inTime: l.inTime, tokens: sessionTokens(selector, s) };
      };
      return [
        {
          scenario: r.scenario.id,
          session: i + 1,
          role: s.role,
          repo: s.repo,
          elf: of('elf'),
          original: of('original-style'),
        },
      ];
    }),
  );
  return {
    scenarios: records.length,
    domains: [...new Set(records.map((r) => r.scenario.domain))].sort(),
    sessions: records.reduce((n, r) => n + r.sessions.length, 0),
    processes: records.reduce((n, r) => n + r.processes, 0),
    selectors: selectorNames.map((name) => scoreSelector(name, records)),
    elfRecallBy: {
      variation: recallBy('elf', records, (r) => r.scenario.variation),
      learnedBy: recallBy('elf', records, (r) => [r.scenario.learnedBy]),
      domain: recallBy('elf', records, (r) => [r.scenario.domain]),
    },
    notCaptured: records.filter((r) => !r.captured).map((r) => r.scenario.id),
    wrongLessons: records
      .filter((r) => r.scenario.type === 'wrong')
      .map((r) => ({ scenario: r.scenario.id, violations: r.violations, status: r.lessonStatus })),
    outcomes,
  };
}
