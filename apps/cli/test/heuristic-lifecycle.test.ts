import { openDatabase } from '@elf/schema';
import { describe, expect, it } from 'vitest';
import { elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

function setup(): Sandbox {
  const box = sandbox();
  expect(elfDb(box, ['init']).code).toBe(0);
  return box;
}

function record(box: Sandbox, domain: string, rule: string): number {
  const out = elfDb(box, ['--json', 'record', 'heuristic', '--global', '--domain', domain, '--rule', rule]);
  expect(out.code, out.stderr).toBe(0);
  return json(out).id;
}

/** Every heuristic and audit row: what a refused command must leave exactly as it was. */
function snapshot(box: Sandbox): string {
  const list = elfDb(box, ['--json', 'heuristic', 'list', '--status', 'all', '--limit', '10000']);
  const settings = elfDb(box, ['--json', 'config', 'list']);
  const ids = (json(list).heuristics as Array<{ id: number }>).map((h) => h.id);
  const histories = ids.map((id) => elfDb(box, ['--json', 'heuristic', 'history', String(id)]).stdout);
  return [list.stdout, settings.stdout, ...histories].join('\n');
}

describe('elf heuristic', () => {
  it('validates and violates with the pinned numbers, shows the history, and lists by standing', () => {
    const box = setup();
    const id = record(box, 'api', 'Version every public endpoint');
    const validated = elfDb(box, ['heuristic', 'validate', String(id), '--note', 'held in review']);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toBe(`validated heuristic #${id}: confidence 0.5 → 0.54\n`);
    const violated = json(elfDb(box, ['--json', 'heuristic', 'violate', String(id), '--session', 's-9']));
    expect(violated).toMatchObject({ oldConfidence: 0.54, newConfidence: 0.4968, rateLimited: false });
    const history = elfDb(box, ['heuristic', 'history', String(id)]);
    expect(history.stdout).toMatch(/validated +manual 0\.5 → 0\.54 — held in review/);
    expect(history.stdout).toMatch(/violated +manual 0\.54 → 0\.4968 session s-9/);
    const shown = elfDb(box, ['heuristic', 'show', String(id)]);
    expect(shown.stdout).toContain(`#${id} [api] 50% (1✓ 1✗) Version every public endpoint`);
    expect(shown.stdout).toContain('validated 1, violated 1');
    const listed = json(elfDb(box, ['--json', 'heuristic', 'list', '--domain', 'api']));
    expect(listed.heuristics.map((h: { id: number }) => h.id)).toEqual([id]);
  });

  it('promotes and demotes by hand, revives a dormant heuristic, and reports changes at the next check-in', () => {
    const box = setup();
    const id = record(box, 'git', 'Rebase feature branches before merging');
    expect(elfDb(box, ['check-in']).code).toBe(0);
    const promoted = elfDb(box, ['heuristic', 'promote', String(id), '--reason', 'team agreed']);
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(promoted.stdout).toContain(`promoted: #${id} [git] ★ 50%`);
    const checkIn = elfDb(box, ['check-in']);
    expect(checkIn.stdout).toMatch(
      new RegExp(`Promoted or demoted since the last check-in: 1\\n {2}- #${id} promoted \\(manual\\)`),
    );
    expect(elfDb(box, ['check-in']).stdout).toContain('Promoted or demoted since the last check-in: 0');
    const demoted = json(elfDb(box, ['--json', 'heuristic', 'demote', String(id)]));
    expect(demoted).toMatchObject({ id, is_golden: false, confidence: 0.5 });

    const dormant = record(box, 'css', 'Prefer container queries for component layouts');
    // Three violations by hand and no validation: proven wrong (dormancy.after-violations), dormant at 0.3893.
    let last = '';
    let violations = 0;
    while (violations < 20 && !last.includes('dormant')) {
      last = elfDb(box, ['heuristic', 'violate', String(dormant)]).stdout;
      violations++;
    }
    expect(violations).toBe(3);
    expect(last).toContain('confidence 0.4232 → 0.3893; now dormant (no longer injected)');
    expect(json(elfDb(box, ['--json', 'heuristic', 'list', '--status', 'dormant'])).heuristics).toHaveLength(1);
    const refused = elfDb(box, ['heuristic', 'validate', String(dormant)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`elf: id: heuristic #${dormant} is dormant (revive it first)`);
    const revived = elfDb(box, ['heuristic', 'revive', String(dormant)]);
    expect(revived.stdout).toContain(`revived heuristic #${dormant}: confidence 0.3893 → 0.3893`);
  });

  it('refuses bad input with one line naming the field, exit 1, and changes nothing', () => {
    const box = setup();
    const id = record(box, 'api', 'Return problem+json on errors');
    const before = snapshot(box);
    const cases: Array<[string[], string]> = [
      [['heuristic', 'validate', '999'], 'elf: id: no heuristic with id 999'],
      [['heuristic', 'violate', 'abc'], 'elf: id: must be an integer from 1 to 9007199254740991 (got "abc")'],
      [['heuristic', 'history', '0'], 'elf: id: must be an integer from 1 to 9007199254740991 (got "0")'],
      [['heuristic', 'demote', String(id)], `elf: id: heuristic #${id} is not a golden rule`],
      [
        ['heuristic', 'revive', String(id)],
        `elf: id: heuristic #${id} is active; only dormant or archived heuristics can be revived`,
      ],
      [
        ['config', 'set', 'promotion.mode', 'sometimes'],
        'elf: promotion.mode: must be auto or suggest, got "sometimes"',
      ],
      [
        ['config', 'set', 'confidence.daily-cap', '0'],
        'elf: confidence.daily-cap: must be an integer 1..1000, got "0"',
      ],
      [['config', 'set', 'colour', 'blue'], 'elf: key: unknown setting "colour"'],
      [['heuristic', 'list', '--status', 'sleepy'], "elf: option '--status <status>' argument 'sleepy' is invalid"],
    ];
    for (const [args, message] of cases) {
      const out = elfDb(box, args);
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.stderr.trim().split('\n')[0]).toContain(message);
    }
    expect(snapshot(box)).toBe(before);
  });
});

describe('elf config and elf maintain', () => {
  it('keeps settings in the database and runs an idempotent lifecycle pass', () => {
    const box = setup();
    expect(elfDb(box, ['config', 'get', 'promotion.mode']).stdout).toBe('auto\n');
    expect(elfDb(box, ['config', 'set', 'promotion.mode', 'suggest']).stdout).toBe('promotion.mode = suggest\n');
    expect(elfDb(box, ['config', 'list']).stdout).toContain('promotion.mode = suggest\n');
    expect(elfDb(box, ['config', 'list']).stdout).toContain('confidence.daily-cap = 5 (default)');
    record(box, 'api', 'Paginate every list endpoint');
    const first = json(elfDb(box, ['--json', 'maintain']));
    expect(first).toMatchObject({ dry_run: false, decayed: [], dormant: [], archived: [], examined: 0 });
    const text = elfDb(box, ['maintain', '--dry-run']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('dry run: 0 unused heuristics examined (idle ≥ 30 days; golden rules never decay)');
  });

  it('decays a heuristic unused for 44 days by two steps, and a second run the same day changes nothing', async () => {
    const box = setup();
    const id = record(box, 'css', 'Prefer grid over float layouts');
    const golden = record(box, 'css', 'Never ship unminified CSS');
    const longAgo = new Date(Date.now() - 44 * 86_400_000).toISOString();
    const handle = await openDatabase({ path: box.db, create: false });
    await handle.db.updateTable('heuristics').set({ created_at: longAgo, last_used_at: longAgo }).execute();
    await handle.db.updateTable('heuristics').set({ is_golden: 1, confidence: 0.9 }).where('id', '=', golden).execute();
    await handle.close();
    const dry = elfDb(box, ['maintain', '--dry-run']);
    expect(dry.stdout).toContain(`would decay: 1\n  #${id} [css] 0.5 → 0.4232 (2 steps, idle 44 days)`);
    const run = json(elfDb(box, ['--json', 'maintain']));
    expect(run.decayed.map((d: { id: number; to: number; steps: number }) => [d.id, d.to, d.steps])).toEqual([
      [id, 0.4232, 2],
    ]);
    expect(json(elfDb(box, ['--json', 'maintain'])).decayed).toEqual([]);
    const history = elfDb(box, ['heuristic', 'history', String(id)]).stdout;
    expect(history).toMatch(/decay +system 0\.5 → 0\.4232 — unused for 44 days: 2 decay steps/);
    expect(json(elfDb(box, ['--json', 'heuristic', 'show', String(golden)])).heuristic).toMatchObject({
      confidence: 0.9,
    });
  });
});
