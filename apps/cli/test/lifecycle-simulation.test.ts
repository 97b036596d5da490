import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '@elf/profiling';
import { openDatabase } from '@elf/schema';
import { describe, expect, it } from 'vitest';
import { elfDb, sandbox } from './support/run-elf.js';

// 1,000 sessions of a good rule (its tasks succeed 90 % of the time) and a bad rule (30 %), each
// session running a subagent task per rule through the hooks' path — PreToolUse(Task) gives the
// subagent the knowledge and records what it was shown, PostToolUse(Task) classifies the outcome
// and moves confidence — on a real database, two sessions a simulated day. The built bundle runs
// in-process (the code users run, without 4,000 process starts), with its clock injected.

const bundle = fileURLToPath(new URL('../dist/elf.cjs', import.meta.url));
const { runCli } = createRequire(import.meta.url)(bundle) as {
  runCli(argv: readonly string[], io: unknown): Promise<number>;
};

const rules = {
  good: {
    domain: 'database',
    rule: 'Run schema migrations inside a transaction with a lock timeout',
    task: 'Add a column to the orders table with a schema migration; use a transaction and a lock timeout',
    success: 0.9,
  },
  bad: {
    domain: 'frontend',
    rule: 'Disable type checking in the bundler to speed up builds',
    task: 'Speed up the frontend builds of the bundler; consider type checking settings',
    success: 0.3,
  },
} as const;

describe('the knowledge lifecycle over 1,000 sessions through the hooks', () => {
  it('promotes the good rule to golden and leaves the bad one below 0.3 and dormant', {
    timeout: 600_000,
  }, async () => {
    const box = sandbox();
    expect(elfDb(box, ['init']).code).toBe(0);
    const ids: Record<keyof typeof rules, number> = { good: 0, bad: 0 };
    for (const name of ['good', 'bad'] as const) {
      const r = rules[name];
      const out = elfDb(box, ['--json', 'record', 'heuristic', '--global', '--domain', r.domain, '--rule', r.rule]);
      expect(out.code).toBe(0);
      ids[name] = JSON.parse(out.stdout).id;
    }
    let now = Date.parse('2026-01-05T09:00:00.000Z');
    const clock = { now: () => new Date(now) };
    const hook = async (payload: Record<string, unknown>) => {
      let stdout = '';
      const io = {
        stdout: (t: string) => {
          stdout += t;
        },
        stderr: () => undefined,
        env: { HOME: box.home, ELF_HOME: `${box.dir}/elf-home` },
        cwd: box.dir,
        homedir: box.home,
        isTTY: false,
        readStdin: async () => JSON.stringify(payload),
        clock,
      };
      expect(await runCli(['--db', box.db, 'hook'], io)).toBe(0);
      return stdout;
    };
    const random = seededRandom(20261127);
    const firstPromotion: Record<string, number | null> = { good: null, bad: null };
    let shownGood = 0;
    let shownBad = 0;
    for (let session = 0; session < 1000; session++) {
      now += 12 * 3_600_000; // two sessions a day
      const sessionId = `sim-${session}`;
      // Every tenth session runs the good rule's task twice: the second outcome is held back.
      const runs = session % 10 === 0 ? (['good', 'bad', 'good'] as const) : (['good', 'bad'] as const);
      for (const [n, name] of runs.entries()) {
        const r = rules[name];
        const toolUseId = `toolu_${name}_${session}_${n}`;
        const base = {
          session_id: sessionId,
          transcript_path: `${box.dir}/t.jsonl`,
          cwd: box.dir,
          tool_name: 'Task',
          tool_input: { description: `${name} task`, prompt: r.task, subagent_type: 'general-purpose' },
          tool_use_id: toolUseId,
        };
        const shown = await hook({ ...base, hook_event_name: 'PreToolUse' });
        if (shown.includes(r.rule)) {
          if (name === 'good') shownGood++;
          else shownBad++;
        }
        const ok = random() < r.success;
        const text = ok
          ? 'Done. The change is in place and all tests pass.'
          : 'Error: the build failed with 3 errors; I could not complete the task.';
        await hook({
          ...base,
          hook_event_name: 'PostToolUse',
          tool_response: { content: [{ type: 'text', text }], totalDurationMs: 1000 },
        });
      }
      if (firstPromotion.good === null) {
        const handle = await openDatabase({ path: box.db, create: false });
        const g = await handle.db
          .selectFrom('heuristics')
          .select('is_golden')
          .where('id', '=', ids.good)
          .executeTakeFirstOrThrow();
        await handle.close();
        if (g.is_golden === 1) firstPromotion.good = session + 1;
      }
    }

    const handle = await openDatabase({ path: box.db, create: false });
    try {
      const good = await handle.db
        .selectFrom('heuristics')
        .selectAll()
        .where('id', '=', ids.good)
        .executeTakeFirstOrThrow();
      const bad = await handle.db
        .selectFrom('heuristics')
        .selectAll()
        .where('id', '=', ids.bad)
        .executeTakeFirstOrThrow();
      const updates = await handle.db
        .selectFrom('confidence_updates')
        .select(['heuristic_id', 'update_type', 'rate_limited', 'session_id', 'agent_id'])
        .execute();
      const applied = (id: number) => updates.filter((u) => u.heuristic_id === id && u.rate_limited === 0);
      const summary = {
        good: { ...pick(good), promotedAfterSessions: firstPromotion.good, shown: shownGood },
        bad: { ...pick(bad), shown: shownBad },
      };
      console.log(`lifecycle simulation: ${JSON.stringify(summary)}`);

      // The good rule became a golden rule and stayed one.
      expect(good).toMatchObject({ is_golden: 1, status: 'active' });
      // As a golden rule it keeps being measured (bounds [0.05, 1]); a 90 % rule hovers near 0.9.
      expect(good.confidence).toBeGreaterThan(0.8);
      expect(firstPromotion.good).not.toBeNull();
      expect(applied(ids.good).filter((u) => u.update_type === 'promoted')).toHaveLength(1);
      // The bad rule fell below 0.3 and went dormant: no longer shown, so no longer moved.
      expect(bad.status).toBe('dormant');
      expect(bad.confidence).toBeLessThan(0.3);
      expect(bad.is_golden).toBe(0);
      expect(shownBad).toBeLessThan(200);
      // Every outcome went through the one confidence function, audited; never twice a session:
      // the hundred second tasks were audited as held back and moved nothing (so were the bad
      // rule's tasks once the good rule, golden, was shown with them too).
      expect(applied(ids.good).filter((u) => u.update_type !== 'promoted')).toHaveLength(
        good.times_validated + good.times_violated,
      );
      expect(good.times_validated + good.times_violated).toBe(1000);
      const perSession = new Map<string | null, number>();
      for (const u of applied(ids.good)) {
        if (u.update_type !== 'promoted') perSession.set(u.session_id, (perSession.get(u.session_id) ?? 0) + 1);
      }
      expect(Math.max(...perSession.values())).toBe(1);
      const secondTasks = updates.filter(
        (u) => u.heuristic_id === ids.good && /^toolu_good_\d+_2$/.test(u.agent_id ?? ''),
      );
      expect(secondTasks).toHaveLength(100);
      expect(secondTasks.every((u) => u.rate_limited === 1)).toBe(true);
    } finally {
      await handle.close();
    }
  });
});

function pick(h: {
  confidence: number;
  times_validated: number;
  times_violated: number;
  status: string;
  is_golden: number;
}) {
  return {
    confidence: h.confidence,
    validated: h.times_validated,
    violated: h.times_violated,
    status: h.status,
    golden: h.is_golden === 1,
  };
}
