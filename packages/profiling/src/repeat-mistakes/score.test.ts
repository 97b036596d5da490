import { describe, expect, it } from 'vitest';
import type { Injection, ScenarioRecord, SessionRecord } from './replay-scenario.js';
import type { Scenario } from './scenario.js';
import { recallBy, scoreSelector } from './score.js';

const shown = (elf: boolean, original: boolean, tokens = 100, eventIndex: number | null = 0): Injection => ({
  event: 'UserPromptSubmit',
  eventIndex,
  elf: { tokens, lesson: elf, text: '' },
  original: { tokens: tokens * 3, lesson: original },
});
const session = (role: SessionRecord['role'], injections: Injection[], relevantAt = 0): SessionRecord => ({
  role,
  repo: 'shop',
  injections,
  relevantAt,
});
const scenario = (id: string, variation: Scenario['variation']): Scenario => ({
  id,
  domain: 'database',
  type: 'repeat',
  learnedBy: 'failure',
  lessonKind: 'failure',
  variation,
  sessions: [],
});
const record = (s: Scenario, sessions: SessionRecord[]): ScenarioRecord => ({
  scenario: s,
  lesson: [],
  sessions,
  violations: null,
  lessonStatus: [],
  processes: 0,
  captured: true,
});

const records = [
  record(scenario('a', ['symptom']), [
    session('learn', [shown(false, false, 500)]),
    // Recalled, but only at the second answer while the first was the relevant one: late.
    session('recall', [shown(false, true), shown(true, true)]),
    session('recall', [shown(true, false)]),
    session('control', [shown(false, true)]),
  ]),
  record(scenario('b', ['other-repo', 'symptom']), [
    session('learn', [shown(false, false)]),
    session('recall', [shown(false, false)]),
    session('control', [shown(true, true)]),
    session('after', [shown(false, true)]),
  ]),
];
records[1] = { ...(records[1] as ScenarioRecord), violations: 3 };
// A wrong lesson blamed only twice: its after session is counted apart.
records.push({
  ...record(scenario('c', ['symptom']), [session('learn', []), session('after', [shown(true, true)])]),
  violations: 2,
});

describe('scoreSelector', () => {
  it('counts recall over whole sessions and first-moment recall by the relevant answer', () => {
    const elf = scoreSelector('elf', records);
    expect(elf.counts).toMatchObject({
      recallSessions: 3,
      recalled: 2,
      firstMoment: 1,
      controlSessions: 2,
      falseInjections: 1,
    });
    expect(elf.lessonRecall).toBe(0.667);
    expect(elf.firstMomentRecall).toBe(0.333);
    expect(elf.falseInjectionRate).toBe(0.5);
    expect(elf.wrongLessonPersistence).toBe(0);
    expect(elf.counts).toMatchObject({
      afterSessions: 1,
      persisted: 0,
      afterFewerViolations: 1,
      persistedFewerViolations: 1,
    });
    // Sessions’ tokens: 500, 200, 100 × 7 and 0.
    expect(elf.tokensPerSession).toEqual({ median: 100, p95: 500, mean: 140 });
  });

  it('scores the original-style selector from the same sessions, and no memory as nothing', () => {
    const original = scoreSelector('original-style', records);
    // Only a's first recall session was shown it (at once); the others never were.
    expect(original.lessonRecall).toBe(0.333);
    expect(original.firstMomentRecall).toBe(0.333);
    expect(original.falseInjectionRate).toBe(1);
    expect(original.wrongLessonPersistence).toBe(1);
    const none = scoreSelector('none', records);
    expect(none).toMatchObject({ lessonRecall: 0, falseInjectionRate: 0, tokensPerSession: { median: 0, p95: 0 } });
  });

  it('groups recall by a scenario’s labels', () => {
    expect(recallBy('elf', records, (r) => r.scenario.variation)).toEqual({
      symptom: { recalled: 2, sessions: 3, recall: 0.667 },
      'other-repo': { recalled: 0, sessions: 1, recall: 0 },
    });
  });
});
