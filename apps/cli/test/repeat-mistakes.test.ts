import { join } from 'node:path';
import { loadO200kCounter } from '@elf/context';
import { replayScenario, reportOf, type Scenario } from '@elf/profiling';
import { describe, expect, it } from 'vitest';
import { bin, elfDb, sandbox } from './support/run-elf.js';

// The repeat-mistake benchmark's replay (bench/repeat-mistakes) through the real built `elf`: one
// lesson learned from a subagent's marker and recalled in another repository, and one lesson
// proven wrong three times that must no longer be shown.

const start = new Date('2026-11-02T00:00:00.000Z');

const learned: Scenario = {
  id: 'database-t1',
  domain: 'database',
  type: 'repeat',
  learnedBy: 'marker',
  lessonKind: 'heuristic',
  variation: ['other-repo', 'symptom'],
  sessions: [
    {
      role: 'learn',
      repo: 'shop',
      events: [
        { prompt: 'The nightly invoice export times out on the invoices table, look into it' },
        {
          task: {
            agent: 'general-purpose',
            description: 'Investigate export',
            prompt: 'Why does the invoice export time out?',
          },
          result:
            'The export query sorts invoices by issued_at without an index.\n[LEARNED:database] Add a btree index on invoices.issued_at before exporting by date range',
        },
      ],
    },
    {
      role: 'recall',
      repo: 'billing',
      events: [{ prompt: 'exporting invoices for a date range takes forever and then times out', relevant: true }],
    },
    {
      role: 'control',
      repo: 'billing',
      events: [{ prompt: 'Rename the Button component to ActionButton across the web app' }],
    },
  ],
};

const wrong: Scenario = {
  id: 'testing-t2',
  domain: 'testing',
  type: 'wrong',
  learnedBy: 'record',
  lessonKind: 'heuristic',
  variation: ['symptom'],
  sessions: [
    {
      role: 'learn',
      repo: 'shop',
      events: [
        { prompt: 'checkout.spec.ts is flaky again' },
        {
          record: [
            'heuristic',
            '--domain',
            'testing',
            '--rule',
            'Retry flaky checkout specs three times in CI instead of fixing them',
          ],
        },
      ],
    },
    ...[1, 2, 3].map((n) => ({
      role: 'violate' as const,
      repo: 'shop',
      events: [
        { prompt: `checkout spec flaky again (${n}), retry it?` },
        { violate: `retries hid a real race (${n})` },
      ],
    })),
    {
      role: 'after',
      repo: 'shop',
      events: [{ prompt: 'the checkout spec is flaky in CI, should we retry it three times?' }],
    },
  ],
};

describe('repeat-mistake replay through the built elf', () => {
  it('recalls a lesson in another repository, keeps it out of an unrelated session, and drops a lesson proven wrong', async () => {
    const box = sandbox();
    // The seed: a database with the starter golden rules and one unrelated rule.
    const seed = join(box.dir, 'seed.db');
    expect(elfDb({ ...box, db: seed }, ['init']).code).toBe(0);
    expect(
      elfDb({ ...box, db: seed }, [
        'record',
        'heuristic',
        '--domain',
        'frontend',
        '--rule',
        'Memoise expensive selectors',
      ]).code,
    ).toBe(0);
    const tokenCounter = await loadO200kCounter();
    const env = { PATH: process.env.PATH };
    const options = { bin, seedDatabase: seed, start, tokenCounter, env };
    const a = await replayScenario(learned, { ...options, dir: join(box.dir, 'a') });
    const b = await replayScenario(wrong, { ...options, dir: join(box.dir, 'b') });

    // The lesson is what the learn session created, found by its stored text in what the hooks answered.
    expect(a.lesson).toEqual([
      {
        kind: 'heuristic',
        id: expect.any(Number),
        text: 'Add a btree index on invoices.issued_at before exporting by date range',
      },
    ]);
    const [, recall, control] = a.sessions;
    expect(recall?.injections.some((x) => x.elf.lesson)).toBe(true);
    expect(recall?.injections[recall.relevantAt]?.event).toBe('UserPromptSubmit');
    expect(control?.injections.some((x) => x.elf.lesson)).toBe(false);
    // Processes ran on the injected clock: the rule was learned on simulated day 1.
    const { Elf } = await import('@elf/core');
    const elfA = await Elf.open({ path: join(box.dir, 'a', '.elf', 'elf.db'), projectPath: null });
    try {
      const row = await elfA.db
        .selectFrom('heuristics')
        .select('created_at')
        .where('id', '=', a.lesson[0]?.id ?? 0)
        .executeTakeFirstOrThrow();
      expect(row.created_at.slice(0, 10)).toBe('2026-11-03');
    } finally {
      await elfA.close();
    }

    expect(b.violations).toBe(3);
    expect(b.lessonStatus).toEqual(['dormant']);
    const after = b.sessions.at(-1);
    expect(after?.role).toBe('after');
    expect(after?.injections.some((x) => x.elf.lesson)).toBe(false);

    const report = reportOf([a, b]);
    const elf = report.selectors.find((s) => s.selector === 'elf');
    expect(elf?.counts).toMatchObject({
      recallSessions: 1,
      recalled: 1,
      controlSessions: 1,
      falseInjections: 0,
      afterSessions: 1,
      persisted: 0,
    });
    expect(report.wrongLessons).toEqual([{ scenario: 'testing-t2', violations: 3, status: ['dormant'] }]);
    // The baseline ran on the same streams: a prompt always gets its whole tiered context.
    const original = report.selectors.find((s) => s.selector === 'original-style');
    expect(original?.tokensPerSession.median).toBeGreaterThan(0);
  }, 120_000);
});
