import { describe, expect, it } from 'vitest';
import { type Elf, ElfError } from '../src/index.js';
import { knowledgeCounts, openTempElf } from './support/temp-elf.js';

describe('recording', () => {
  it('stores a failure with normalised domain and tags, and exact-match tag rows', async () => {
    const { elf } = await openTempElf();
    const learning = await elf.recordLearning({
      type: 'failure',
      title: '  Build broke after upgrade  ',
      domain: 'Build System',
      summary: 'node-gyp could not find python',
      severity: 'critical',
      tags: 'Node-Gyp, python ,, python',
    });
    expect(learning).toMatchObject({
      id: 1,
      type: 'failure',
      title: 'Build broke after upgrade',
      domain: 'build-system',
      severity: 5,
      tags: ['node-gyp', 'python'],
      project_path: '/work/project',
      created_at: '2026-11-26T12:00:00.000Z',
    });
    const tagRows = await elf.db.selectFrom('learning_tags').select('tag').orderBy('tag').execute();
    expect(tagRows.map((r) => r.tag)).toEqual(['node-gyp', 'python']);
  });

  it.each(['success', 'observation'] as const)('stores a %s', async (type) => {
    const { elf } = await openTempElf();
    const learning = await elf.recordLearning({ type, title: 'It worked', domain: 'ops' });
    expect(learning).toMatchObject({ type, severity: 3, tags: [], summary: null });
  });

  it('stores a heuristic: confidence words, source, global with its origin, or a given scope', async () => {
    const { elf } = await openTempElf();
    const learnedHere = await elf.recordHeuristic({
      domain: 'My Domain',
      rule: 'Always run tests before commit',
      confidence: 'high',
    });
    expect(learnedHere).toMatchObject({
      domain: 'my-domain',
      confidence: 0.85,
      source_type: 'observation',
      is_golden: false,
      status: 'active',
      project_path: null,
      origin_path: '/work/project',
    });
    const global = await elf.recordHeuristic({
      domain: 'git',
      rule: 'Never force-push a shared branch',
      confidence: 0.7,
      source: 'failure',
      explanation: 'It rewrote a colleague’s commits.',
      category: 'Core',
      project_path: null,
    });
    expect(global).toMatchObject({
      project_path: null,
      origin_path: '/work/project',
      source_type: 'failure',
      category: 'core',
      confidence: 0.7,
    });
    expect((await elf.recordHeuristic({ domain: 'x', rule: 'r1', confidence: 'low' })).confidence).toBe(0.3);
    expect((await elf.recordHeuristic({ domain: 'x', rule: 'r2', confidence: 'medium' })).confidence).toBe(0.6);
    expect((await elf.recordHeuristic({ domain: 'x', rule: 'r3' })).confidence).toBe(0.5);
  });

  it('stores a decision with its lists as JSON', async () => {
    const { elf } = await openTempElf();
    const decision = await elf.recordDecision({
      title: 'Use SQLite',
      context: 'Local agents',
      decision: 'One file per user',
      rationale: 'No server',
      options: 'Postgres; files',
      domain: 'database',
      files_touched: 'a.ts, b.ts',
      tests_added: ['a.test.ts'],
    });
    expect(decision).toMatchObject({
      status: 'accepted',
      options_considered: 'Postgres; files',
      files_touched: ['a.ts', 'b.ts'],
      tests_added: ['a.test.ts'],
    });
  });

  it('stores an assumption, an invariant and a spike report', async () => {
    const { elf } = await openTempElf();
    expect(
      await elf.recordAssumption({ assumption: 'Users run Node 20', confidence: '0.8', domain: 'runtime' }),
    ).toMatchObject({
      status: 'active',
      confidence: 0.8,
      verified_count: 0,
    });
    expect(
      await elf.recordInvariant({
        statement: 'Hooks exit 0',
        rationale: 'Never block the agent',
        scope: 'Runtime',
        severity: 'warning',
      }),
    ).toMatchObject({ scope: 'runtime', severity: 'warning', status: 'active', violation_count: 0 });
    expect(
      await elf.recordSpikeReport({
        title: 'Tokenizer cost',
        topic: 'tokens',
        question: 'How slow is o200k?',
        findings: '180-270 ms to import',
        minutes: '45',
        tags: 'perf,tokens',
      }),
    ).toMatchObject({ time_invested_minutes: 45, tags: ['perf', 'tokens'], usefulness_score: 0, access_count: 0 });
  });

  it('stores a violation only against an existing golden rule', async () => {
    const { elf } = await openTempElf();
    const plain = await elf.recordHeuristic({ domain: 'git', rule: 'Small commits' });
    await elf.db.updateTable('heuristics').set({ is_golden: 1 }).where('id', '=', plain.id).execute();
    const violation = await elf.recordViolation({
      rule_id: String(plain.id),
      rule_name: 'Small commits',
      description: 'one 3k-line commit',
    });
    expect(violation).toMatchObject({
      rule_id: plain.id,
      acknowledged: false,
      violation_date: '2026-11-26T12:00:00.000Z',
    });
    await expect(elf.recordViolation({ rule_id: 999, rule_name: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'rule_id',
    });
    const notGolden = await elf.recordHeuristic({ domain: 'git', rule: 'Rebase often' });
    await expect(elf.recordViolation({ rule_id: notGolden.id, rule_name: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('not a golden rule'),
    });
  });

  it('starts experiments with unique names and numbers their cycles', async () => {
    const { elf } = await openTempElf();
    const experiment = await elf.recordExperiment({ name: 'wal-vs-delete', hypothesis: 'WAL halves write latency' });
    await expect(elf.recordExperiment({ name: 'wal-vs-delete', hypothesis: 'again' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'name',
    });
    const first = await elf.recordCycle({ experiment_id: experiment.id, try_summary: 'ran 1k inserts' });
    const second = await elf.recordCycle({ experiment_id: experiment.id, analysis: 'fsync dominates' });
    expect([first.cycle_number, second.cycle_number]).toEqual([1, 2]);
    const stored = await elf.db.selectFrom('experiments').select('cycles_run').executeTakeFirstOrThrow();
    expect(stored.cycles_run).toBe(2);
    await expect(elf.recordCycle({ experiment_id: 42 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('opens a CEO review as pending', async () => {
    const { elf } = await openTempElf();
    expect(await elf.recordCeoReview({ title: 'Drop Windows support?', recommendation: 'No' })).toMatchObject({
      status: 'pending',
      reviewed_at: null,
    });
  });

  it('removes ANSI escapes and control characters from stored text', async () => {
    const { elf } = await openTempElf();
    const learning = await elf.recordLearning({
      type: 'observation',
      title: '\u001b[31mred\u001b[0m title\u0007',
      domain: 'ops',
      summary: 'line one\r\nline two\u0000',
    });
    expect(learning.title).toBe('red title');
    expect(learning.summary).toBe('line one\nline two');
  });
});

type Case = [description: string, field: string, write: (elf: Elf) => Promise<unknown>];

const base = { type: 'failure' as const, title: 'A title', domain: 'testing' };
const heuristic = { domain: 'testing', rule: 'A rule' };
const decision = { title: 't', context: 'c', decision: 'd', rationale: 'r' };
const spike = { title: 't', topic: 'x', question: 'q', findings: 'f' };

const invalid: Case[] = [
  ['a missing title', 'title', (elf) => elf.recordLearning({ ...base, title: undefined as never })],
  ['a blank title', 'title', (elf) => elf.recordLearning({ ...base, title: '   ' })],
  ['a 501-character title', 'title', (elf) => elf.recordLearning({ ...base, title: 'x'.repeat(501) })],
  ['a 50,001-character summary', 'summary', (elf) => elf.recordLearning({ ...base, summary: 'x'.repeat(50_001) })],
  ['a missing domain', 'domain', (elf) => elf.recordLearning({ ...base, domain: undefined as never })],
  ['a domain with punctuation', 'domain', (elf) => elf.recordLearning({ ...base, domain: 'bad domain!' })],
  ['a 101-character domain', 'domain', (elf) => elf.recordLearning({ ...base, domain: 'd'.repeat(101) })],
  ['an unknown learning type', 'type', (elf) => elf.recordLearning({ ...base, type: 'heuristic' as never })],
  ['severity 6', 'severity', (elf) => elf.recordLearning({ ...base, severity: 6 })],
  ['severity 0', 'severity', (elf) => elf.recordLearning({ ...base, severity: '0' })],
  ['severity 2.5', 'severity', (elf) => elf.recordLearning({ ...base, severity: 2.5 })],
  ['severity "weird"', 'severity', (elf) => elf.recordLearning({ ...base, severity: 'weird' })],
  ['51 tags', 'tags', (elf) => elf.recordLearning({ ...base, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })],
  ['a 51-character tag', 'tags', (elf) => elf.recordLearning({ ...base, tags: ['t'.repeat(51)] })],
  ['a tag with a slash', 'tags', (elf) => elf.recordLearning({ ...base, tags: 'a/b' })],
  ['a missing rule', 'rule', (elf) => elf.recordHeuristic({ ...heuristic, rule: undefined as never })],
  ['a 501-character rule', 'rule', (elf) => elf.recordHeuristic({ ...heuristic, rule: 'r'.repeat(501) })],
  [
    'a 5,001-character explanation',
    'explanation',
    (elf) => elf.recordHeuristic({ ...heuristic, explanation: 'e'.repeat(5001) }),
  ],
  ['confidence 1.5', 'confidence', (elf) => elf.recordHeuristic({ ...heuristic, confidence: 1.5 })],
  ['confidence -0.1', 'confidence', (elf) => elf.recordHeuristic({ ...heuristic, confidence: '-0.1' })],
  ['confidence "banana"', 'confidence', (elf) => elf.recordHeuristic({ ...heuristic, confidence: 'banana' })],
  ['an unknown source', 'source', (elf) => elf.recordHeuristic({ ...heuristic, source: 'rumour' })],
  ['a decision without rationale', 'rationale', (elf) => elf.recordDecision({ ...decision, rationale: '' })],
  ['an unknown decision status', 'status', (elf) => elf.recordDecision({ ...decision, status: 'maybe' })],
  ['an assumption without text', 'assumption', (elf) => elf.recordAssumption({ assumption: '' })],
  [
    'an invariant scope "planet"',
    'scope',
    (elf) => elf.recordInvariant({ statement: 's', rationale: 'r', scope: 'planet' }),
  ],
  [
    'an invariant severity "fatal"',
    'severity',
    (elf) => elf.recordInvariant({ statement: 's', rationale: 'r', severity: 'fatal' }),
  ],
  ['a spike without findings', 'findings', (elf) => elf.recordSpikeReport({ ...spike, findings: undefined as never })],
  ['negative spike minutes', 'minutes', (elf) => elf.recordSpikeReport({ ...spike, minutes: -5 })],
  ['a violation with rule id 0', 'rule_id', (elf) => elf.recordViolation({ rule_id: 0, rule_name: 'x' })],
  ['a violation with rule id "abc"', 'rule_id', (elf) => elf.recordViolation({ rule_id: 'abc', rule_name: 'x' })],
  ['an experiment without hypothesis', 'hypothesis', (elf) => elf.recordExperiment({ name: 'n', hypothesis: '' })],
];

describe('invalid input', () => {
  it.each(invalid)('rejects %s with INVALID_INPUT naming %s, and writes nothing', async (_what, field, write) => {
    const { elf } = await openTempElf();
    await elf.recordLearning({ type: 'observation', title: 'existing', domain: 'seed', tags: 'seed' });
    const before = await knowledgeCounts(elf);
    const error = await write(elf).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ElfError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
    expect((error as Error).message.startsWith(`${field}:`)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
    expect(await knowledgeCounts(elf)).toEqual(before);
  });
});

describe('trails', () => {
  it('records where an agent went, with its session and agent', async () => {
    const { elf } = await openTempElf({ sessionId: 's-1', agentId: 'claude-main' });
    const trail = await elf.recordTrail({ location: 'src/a.ts', scent: 'read', strength: 0.5 });
    expect(trail).toMatchObject({
      location: 'src/a.ts',
      scent: 'read',
      strength: 0.5,
      session_id: 's-1',
      agent_id: 'claude-main',
      location_type: 'file',
    });
    await expect(elf.recordTrail({ location: 'x', scent: 'sniff' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'scent',
    });
  });
});
