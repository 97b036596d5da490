import { Elf } from '@elf/core';
import { describe, expect, it } from 'vitest';
import { elfDb, json, type Result, type Sandbox, sandbox } from './support/run-elf.js';

const tables = [
  'assumptions',
  'invariants',
  'spike_reports',
  'experiments',
  'cycles',
  'ceo_reviews',
  'heuristics',
] as const;

/** Every row of the tables these commands touch, to prove a refused command changed nothing. */
async function dump(box: Sandbox): Promise<Record<string, unknown[]>> {
  const store = await Elf.open({ path: box.db, projectPath: null, create: false, readonly: true });
  try {
    const rows: Record<string, unknown[]> = {};
    for (const table of tables) rows[table] = await store.db.selectFrom(table).selectAll().execute();
    return rows;
  } finally {
    await store.close();
  }
}

const ok = (result: Result) => {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
};

/** Exit 1, one line on stderr that contains `text`, nothing on stdout. */
const refused = (result: Result, text: string) => {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(text);
};

describe('elf assumption', () => {
  it('verifies (verified at the 3rd) and challenges, with a note and --json', () => {
    const box = sandbox();
    ok(elfDb(box, ['record', 'assumption', '--assumption', 'CI has 2 cores', '--domain', 'ci']));
    expect(ok(elfDb(box, ['assumption', 'verify', '1'])).stdout).toBe(
      'verified: #1  1.00  active  ✓1 ✗0  [ci] CI has 2 cores\n',
    );
    ok(elfDb(box, ['assumption', 'verify', '1']));
    const third = json(ok(elfDb(box, ['assumption', 'verify', '1', '--note', 'nproc = 2', '--json'])));
    expect(third).toMatchObject({ id: 1, verified_count: 3, confidence: 1, status: 'verified' });
    expect(third.context).toMatch(/^\[verified \d{4}-\d\d-\d\d\] nproc = 2$/);
    const challenged = json(ok(elfDb(box, ['--json', 'assumption', 'challenge', '1'])));
    expect(challenged).toMatchObject({ verified_count: 3, challenged_count: 1, confidence: 0.75, status: 'verified' });
  });

  it('refuses an unknown or malformed id and changes nothing', async () => {
    const box = sandbox();
    ok(elfDb(box, ['record', 'assumption', '--assumption', 'a']));
    const before = await dump(box);
    refused(elfDb(box, ['assumption', 'verify', '9']), 'elf: id: no assumption with id 9');
    refused(elfDb(box, ['assumption', 'challenge', 'abc']), 'id: must be an integer');
    refused(elfDb(box, ['assumption', 'challenge', '0']), 'id: must be an integer from 1');
    refused(elfDb(box, ['assumption', 'verify', '1', '--note', 'n'.repeat(2001)]), '--note: must be at most 2000');
    expect(await dump(box)).toEqual(before);
  });
});

describe('elf invariant', () => {
  it('validates, and is violated at the 3rd violation', () => {
    const box = sandbox();
    ok(elfDb(box, ['record', 'invariant', '--statement', 'Hooks exit 0', '--rationale', 'never block']));
    const validated = json(ok(elfDb(box, ['invariant', 'validate', '1', '--json'])));
    expect(validated.last_validated_at).not.toBeNull();
    expect(ok(elfDb(box, ['invariant', 'violate', '1'])).stdout).toContain('violation 1 recorded');
    expect(json(ok(elfDb(box, ['invariant', 'violate', '1', '--json'])))).toMatchObject({ status: 'active' });
    const third = json(ok(elfDb(box, ['invariant', 'violate', '1', '--note', 'exit 2', '--json'])));
    expect(third).toMatchObject({ violation_count: 3, status: 'violated' });
    expect(third.rationale).toMatch(/^never block\n\[violated .*\] exit 2$/);
  });

  it('refuses an unknown id and changes nothing', async () => {
    const box = sandbox();
    ok(elfDb(box, ['record', 'invariant', '--statement', 's', '--rationale', 'r']));
    const before = await dump(box);
    refused(elfDb(box, ['invariant', 'violate', '2']), 'elf: id: no invariant with id 2');
    refused(elfDb(box, ['invariant', 'validate', '-3']), 'id: must be an integer');
    expect(await dump(box)).toEqual(before);
  });
});

describe('elf spike rate', () => {
  const spike = ['record', 'spike', '--title', 'WAL', '--topic', 'sqlite', '--question', 'q', '--findings', 'f'];

  it('keeps the running average of ratings', () => {
    const box = sandbox();
    ok(elfDb(box, spike));
    expect(ok(elfDb(box, ['spike', 'rate', '1', '4'])).stdout).toMatch(/^rated \(1 rating\): #1 .* 4\.0\/5/);
    expect(json(ok(elfDb(box, ['spike', 'rate', '1', '2', '--json'])))).toMatchObject({
      id: 1,
      usefulness_score: 3,
      access_count: 2,
    });
  });

  it('refuses ratings outside 0..5 and unknown reports, changing nothing', async () => {
    const box = sandbox();
    ok(elfDb(box, spike));
    ok(elfDb(box, ['spike', 'rate', '1', '5']));
    const before = await dump(box);
    for (const bad of ['6', '-1', 'NaN', 'great']) {
      refused(elfDb(box, ['spike', 'rate', '1', bad]), `elf: rating: must be a number from 0 to 5 (got "${bad}")`);
    }
    refused(elfDb(box, ['spike', 'rate', '7', '3']), 'elf: id: no spike report with id 7');
    refused(elfDb(box, ['spike', 'rate', '1']), "missing required argument 'rating'");
    expect(await dump(box)).toEqual(before);
  });
});

describe('elf experiment', () => {
  const start = (box: Sandbox, ...extra: string[]) =>
    ok(elfDb(box, ['record', 'experiment', '--name', 'batching', '--hypothesis', 'faster', ...extra]));

  it('records cycles, shows them in order, lists, and completes with a heuristic', () => {
    const box = sandbox();
    start(box, '--domain', 'perf');
    expect(ok(elfDb(box, ['experiment', 'cycle', '1', '--try', '1k inserts', '--next', 'batch'])).stdout).toBe(
      'recorded cycle 1 of experiment #1\n',
    );
    const second = json(
      ok(
        elfDb(box, [
          'experiment',
          'cycle',
          '1',
          '--try',
          'batched',
          '--break',
          'lock held',
          '--analyze',
          'fsync',
          '--learn',
          'one transaction',
          '--next',
          'measure 100k',
          '--json',
        ]),
      ),
    );
    expect(second).toMatchObject({
      cycle_number: 2,
      try_summary: 'batched',
      break_summary: 'lock held',
      analysis: 'fsync',
      learning_extracted: 'one transaction',
      next_step: 'measure 100k',
    });
    const shown = json(ok(elfDb(box, ['experiment', 'show', '1', '--json'])));
    expect(shown.experiment).toMatchObject({ id: 1, cycles_run: 2, status: 'active' });
    expect(shown.cycles.map((c: { cycle_number: number }) => c.cycle_number)).toEqual([1, 2]);
    const text = ok(elfDb(box, ['experiment', 'show', '1'])).stdout;
    expect(text).toContain('cycle 1');
    expect(text).toContain('    next: batch');
    expect(text.indexOf('cycle 1')).toBeLessThan(text.indexOf('cycle 2'));
    expect(ok(elfDb(box, ['experiment', 'list'])).stdout).toMatch(/^#1 {2}active {2}cycles 2 {2}batching/);

    const done = json(
      ok(
        elfDb(box, [
          'experiment',
          'complete',
          '1',
          '--conclusion',
          'batch it',
          '--heuristic',
          'Batch inserts',
          '--json',
        ]),
      ),
    );
    expect(done.experiment).toMatchObject({ status: 'completed', conclusion: 'batch it' });
    expect(done.heuristic).toMatchObject({
      rule: 'Batch inserts',
      domain: 'perf',
      source_type: 'experiment',
      source_id: 1,
    });
    expect(json(ok(elfDb(box, ['experiment', 'list', '--json']))).experiments).toEqual([]);
    expect(json(ok(elfDb(box, ['experiment', 'list', '--status', 'completed', '--json']))).experiments).toHaveLength(1);
  });

  it('abandons with a conclusion', () => {
    const box = sandbox();
    start(box);
    expect(ok(elfDb(box, ['experiment', 'abandon', '1', '--conclusion', 'not worth it'])).stdout).toBe(
      'abandoned experiment #1\n',
    );
    expect(json(ok(elfDb(box, ['experiment', 'show', '1', '--json']))).experiment).toMatchObject({
      status: 'abandoned',
      conclusion: 'not worth it',
    });
  });

  it('refuses bad input and changes nothing', async () => {
    const box = sandbox();
    start(box);
    const before = await dump(box);
    refused(elfDb(box, ['experiment', 'cycle', '1']), 'elf: cycle: give at least one of --try');
    refused(
      elfDb(box, ['experiment', 'cycle', '1', '--analyze', 'x'.repeat(50_001)]),
      'elf: --analyze: must be at most',
    );
    refused(elfDb(box, ['experiment', 'cycle', '5', '--try', 't']), 'elf: id: no experiment with id 5');
    refused(elfDb(box, ['experiment', 'cycle', 'x', '--try', 't']), 'elf: id: must be an integer');
    refused(elfDb(box, ['experiment', 'show', '5']), 'elf: id: no experiment with id 5');
    // No domain on the experiment and none given: the heuristic cannot be recorded, so nothing is.
    refused(elfDb(box, ['experiment', 'complete', '1', '--conclusion', 'c', '--heuristic', 'r']), 'elf: --domain:');
    refused(
      elfDb(box, ['experiment', 'complete', '1', '--conclusion', 'c', '--heuristic', 'r'.repeat(501), '--domain', 'd']),
      'elf: --heuristic: must be at most 500',
    );
    refused(elfDb(box, ['experiment', 'complete', '1']), "required option '--conclusion <text>'");
    refused(elfDb(box, ['experiment', 'list', '--status', 'done']), "argument 'done' is invalid");
    expect(await dump(box)).toEqual(before);

    ok(elfDb(box, ['experiment', 'complete', '1', '--conclusion', 'c', '--heuristic', 'r', '--domain', 'd']));
    const completed = await dump(box);
    refused(
      elfDb(box, ['experiment', 'complete', '1', '--conclusion', 'again']),
      'elf: id: experiment #1 is already completed',
    );
    refused(
      elfDb(box, ['experiment', 'abandon', '1', '--conclusion', 'again']),
      'elf: id: experiment #1 is already completed',
    );
    refused(elfDb(box, ['experiment', 'cycle', '1', '--try', 't']), 'elf: id: experiment #1 is completed');
    expect(await dump(box)).toEqual(completed);
  });

  it('reports errors as JSON with --json', () => {
    const box = sandbox();
    start(box);
    const result = elfDb(box, ['experiment', 'show', '3', '--json']);
    expect(result.code).toBe(1);
    expect(json(result)).toEqual({ error: { code: 'NOT_FOUND', message: 'id: no experiment with id 3', field: 'id' } });
  });
});

describe('elf review', () => {
  const open = (box: Sandbox, title: string) => ok(elfDb(box, ['record', 'review', '--title', title]));

  it('lists pending reviews by default, approves and rejects once', () => {
    const box = sandbox();
    open(box, 'Drop the v1 API?');
    open(box, 'Switch to WAL?');
    expect(
      ok(elfDb(box, ['review', 'list']))
        .stdout.trimEnd()
        .split('\n'),
    ).toHaveLength(2);
    const approved = json(ok(elfDb(box, ['review', 'approve', '1', '--note', 'ship it', '--json'])));
    expect(approved).toMatchObject({ id: 1, status: 'approved', decision_note: 'ship it' });
    expect(approved.reviewed_at).not.toBeNull();
    expect(ok(elfDb(box, ['review', 'reject', '2'])).stdout).toBe('rejected review #2: Switch to WAL?\n');
    expect(ok(elfDb(box, ['review', 'list'])).stdout).toBe('no pending reviews\n');
    const all = json(ok(elfDb(box, ['review', 'list', '--status', 'all', '--json'])));
    expect(all.ceoReviews.map((r: { status: string }) => r.status).sort()).toEqual(['approved', 'rejected']);
    const rejected = json(ok(elfDb(box, ['review', 'list', '--status', 'rejected', '--json'])));
    expect(rejected.ceoReviews).toHaveLength(1);
    expect(rejected.ceoReviews[0]).toMatchObject({ id: 2 });
  });

  it('refuses deciding a review twice or an unknown one, and changes nothing', async () => {
    const box = sandbox();
    open(box, 'q');
    ok(elfDb(box, ['review', 'approve', '1']));
    const before = await dump(box);
    refused(elfDb(box, ['review', 'reject', '1', '--note', 'no']), 'elf: id: review #1 is already approved');
    refused(elfDb(box, ['review', 'approve', '1']), 'elf: id: review #1 is already approved');
    refused(elfDb(box, ['review', 'approve', '4']), 'elf: id: no review with id 4');
    refused(elfDb(box, ['review', 'approve', '1.5']), 'elf: id: must be an integer');
    refused(elfDb(box, ['review', 'list', '--status', 'maybe']), "argument 'maybe' is invalid");
    expect(await dump(box)).toEqual(before);
  });
});
