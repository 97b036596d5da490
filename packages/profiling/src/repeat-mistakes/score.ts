import { percentile, round3 } from '../bench/statistics.js';
import type { Injection, ScenarioRecord, SessionRecord } from './replay-scenario.js';

// The scores of one selector over replayed scenarios (bench/repeat-mistakes/README.md defines them).

export const selectorNames = ['elf', 'original-style', 'none'] as const;
export type SelectorName = (typeof selectorNames)[number];

export interface SelectorScore {
  selector: SelectorName;
  /** Recall sessions whose injected context, over the whole session, carried the lesson. */
  lessonRecall: number;
  /** Recall sessions in which it arrived by the first event where it was relevant. */
  firstMomentRecall: number;
  /** o200k tokens injected per session, over every replayed session. */
  tokensPerSession: { median: number; p95: number; mean: number };
  /** Control sessions (where the lesson does not apply) that were shown it. */
  falseInjectionRate: number;
  /**
   * Sessions after a wrong lesson's third violation that were still shown it. A lesson the loop
   * violated fewer times (it was not shown in a violate session, so nothing blamed it) is counted
   * apart, in `counts.afterFewerViolations` / `persistedFewerViolations`.
   */
  wrongLessonPersistence: number;
  counts: {
    recallSessions: number;
    recalled: number;
    firstMoment: number;
    sessions: number;
    controlSessions: number;
    falseInjections: number;
    afterSessions: number;
    persisted: number;
    afterFewerViolations: number;
    persistedFewerViolations: number;
  };
}

const view = (selector: SelectorName, x: Injection) =>
  selector === 'elf'
    ? x.elf
    : selector === 'original-style'
      ? (x.original ?? { tokens: 0, lesson: false })
      : { tokens: 0, lesson: false };

export const sessionTokens = (selector: SelectorName, s: SessionRecord) =>
  s.injections.reduce((sum, x) => sum + view(selector, x).tokens, 0);

/** Whether the session was shown the lesson at all, and by its relevant moment. */
export function sessionLesson(selector: SelectorName, s: SessionRecord): { any: boolean; inTime: boolean } {
  const first = s.injections.findIndex((x) => view(selector, x).lesson);
  return { any: first >= 0, inTime: first >= 0 && s.relevantAt >= 0 && first <= s.relevantAt };
}

const ratio = (n: number, d: number) => (d === 0 ? Number.NaN : round3(n / d));

export function scoreSelector(selector: SelectorName, records: readonly ScenarioRecord[]): SelectorScore {
  const all = records.flatMap((r) => r.sessions);
  const of = (role: string) => all.filter((s) => s.role === role);
  const recall = of('recall').map((s) => sessionLesson(selector, s));
  const controls = of('control').map((s) => sessionLesson(selector, s).any);
  const afterOf = (proven: boolean) =>
    records
      .filter((r) => r.violations !== null && r.violations >= 3 === proven)
      .flatMap((r) => r.sessions.filter((s) => s.role === 'after').map((s) => sessionLesson(selector, s).any));
  const after = afterOf(true);
  const early = afterOf(false);
  const tokens = all.map((s) => sessionTokens(selector, s));
  const counts = {
    recallSessions: recall.length,
    recalled: recall.filter((x) => x.any).length,
    firstMoment: recall.filter((x) => x.inTime).length,
    sessions: all.length,
    controlSessions: controls.length,
    falseInjections: controls.filter(Boolean).length,
    afterSessions: after.length,
    persisted: after.filter(Boolean).length,
    afterFewerViolations: early.length,
    persistedFewerViolations: early.filter(Boolean).length,
  };
  return {
    selector,
    lessonRecall: ratio(counts.recalled, counts.recallSessions),
    firstMomentRecall: ratio(counts.firstMoment, counts.recallSessions),
    tokensPerSession: {
      median: tokens.length ? percentile(tokens, 0.5) : 0,
      p95: tokens.length ? percentile(tokens, 0.95) : 0,
      mean: tokens.length ? Math.round(tokens.reduce((a, b) => a + b, 0) / tokens.length) : 0,
    },
    falseInjectionRate: ratio(counts.falseInjections, counts.controlSessions),
    wrongLessonPersistence: ratio(counts.persisted, counts.afterSessions),
    counts,
  };
}

/** Lesson recall of one selector per group of scenarios (by variation, learnedBy, domain). */
export function recallBy(
  selector: SelectorName,
  records: readonly ScenarioRecord[],
  keys: (r: ScenarioRecord) => readonly string[],
): Record<string, { recalled: number; sessions: number; recall: number }> {
  const groups: Record<string, { recalled: number; sessions: number; recall: number }> = {};
  for (const r of records) {
    const recall = r.sessions.filter((s) => s.role === 'recall').map((s) => sessionLesson(selector, s).any);
    for (const key of keys(r)) {
      const g = groups[key] ?? { recalled: 0, sessions: 0, recall: 0 };
      groups[key] = g;
      g.sessions += recall.length;
      g.recalled += recall.filter(Boolean).length;
      g.recall = ratio(g.recalled, g.sessions);
    }
  }
  return groups;
}
