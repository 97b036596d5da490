import { describe, expect, it } from 'vitest';
import { counts, elfDb, sandbox } from './support/run-elf.js';

const learning = ['record', 'failure', '--title', 'T', '--domain', 'd'];
const heuristic = ['record', 'heuristic', '--domain', 'd', '--rule', 'R'];

/** [what, argv, text the one-line message must contain] */
const cases: Array<[string, string[], string]> = [
  [
    'a domain with punctuation',
    ['record', 'failure', '--title', 'T', '--domain', 'bad domain!'],
    '--domain: must match',
  ],
  [
    'a 501-character title',
    ['record', 'failure', '--title', 'x'.repeat(501), '--domain', 'd'],
    '--title: must be at most 500',
  ],
  ['a blank title', ['record', 'failure', '--title', '  ', '--domain', 'd'], '--title: must not be empty'],
  ['a missing --title', ['record', 'failure', '--domain', 'd'], "required option '--title <text>'"],
  ['severity 9', [...learning, '--severity', '9'], '--severity: must be an integer from 1 to 5'],
  ['severity "weird"', [...learning, '--severity', 'weird'], '--severity'],
  [
    '51 tags',
    [...learning, '--tags', Array.from({ length: 51 }, (_, i) => `t${i}`).join(',')],
    '--tags: must be at most 50 tags',
  ],
  ['a 51-character tag', [...learning, '--tags', 't'.repeat(51)], '--tags: each tag must be at most 50'],
  [
    'a 501-character rule',
    ['record', 'heuristic', '--domain', 'd', '--rule', 'r'.repeat(501)],
    '--rule: must be at most 500',
  ],
  [
    'a 5,001-character explanation',
    [...heuristic, '--explanation', 'e'.repeat(5001)],
    '--explanation: must be at most 5000',
  ],
  ['confidence 2', [...heuristic, '--confidence', '2'], '--confidence: must be a number from 0 to 1'],
  ['confidence "banana"', [...heuristic, '--confidence', 'banana'], '--confidence'],
  ['an unknown source', [...heuristic, '--source', 'rumour'], '--source: must be one of'],
  [
    'an invariant scope',
    ['record', 'invariant', '--statement', 's', '--rationale', 'r', '--scope', 'planet'],
    '--scope',
  ],
  [
    'negative minutes',
    ['record', 'spike', '--title', 't', '--topic', 't', '--question', 'q', '--findings', 'f', '--minutes', '-1'],
    '--minutes',
  ],
  ['a rule id that is not a number', ['record', 'violation', '--rule-id', 'abc', '--rule-name', 'x'], '--rule-id'],
  ['an unknown record type', ['record', 'gossip', '--title', 't'], "unknown command 'gossip'"],
  ['an unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
  ['an unknown flag', ['query', '--domain', 'd', '--bogus'], "unknown option '--bogus'"],
  ['a limit of 1001', ['query', '--domain', 'd', '--limit', '1001'], '--limit: must be an integer from 1 to 1000'],
  ['a limit of 0', ['query', '--recent', '--limit', '0'], '--limit'],
  ['a negative offset', ['query', '--recent', '--offset', '-1'], '--offset'],
  ['an unknown format', ['query', '--domain', 'd', '--format', 'xml'], "argument 'xml' is invalid"],
  ['two query modes', ['query', '--stats', '--golden-rules'], 'choose one of --stats, --golden-rules'],
  ['no query mode', ['query'], 'say what to query'],
  ['an unknown learning type for --recent', ['query', '--recent', '--type', 'rumour'], '--type: must be one of'],
  ['--days 0', ['query', '--recent', '--days', '0'], '--days'],
  ['empty search text', ['query', '--search', ' '], '--search'],
];

describe('bad input (built binary)', () => {
  it.each(cases)('%s: exit 1, one line naming the flag, nothing written', (_what, args, expected) => {
    const box = sandbox();
    expect(elfDb(box, learning).code).toBe(0);
    const before = counts(box);
    const result = elfDb(box, args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(expected);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^elf: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(counts(box)).toEqual(before);
  });

  it('prints a JSON error document with --json as well as the line on stderr', () => {
    const box = sandbox();
    const result = elfDb(box, ['--json', 'record', 'failure', '--title', 'T', '--domain', 'bad domain!']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'INVALID_INPUT', field: 'domain', message: expect.stringContaining('domain: must match') },
    });
  });

  it('shows a stack trace only with --debug', () => {
    const box = sandbox();
    const result = elfDb(box, ['--debug', 'record', 'failure', '--title', 'T', '--domain', 'bad domain!']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
