import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyOutcome } from './classify-outcome.js';

const outcomeOf = (output: unknown) => classifyOutcome(output).outcome;

describe('failure patterns', () => {
  it.each([
    ['Error: ENOENT: no such file or directory', 'error:'],
    ['TypeError: x is undefined', 'typeerror:'],
    ['AssertionError: expected 1 to be 2', 'assertionerror:'],
    ['java.lang.IllegalStateException: closed', 'illegalstateexception:'],
    ['Unhandled exception: NullReferenceException', 'exception:'],
    ['Build failed: 3 type errors', 'failed:'],
    ['The migration failed because the table is locked', 'failed'],
    ['Ran the suite. 3 tests failed.', 'failed'],
    ['=== 1 failed, 12 passed in 0.4s ===', 'failed'],
    ['I could not find the config file anywhere', 'could not'],
    ['Unable to connect to the database', 'unable to'],
    ['[BLOCKER] the API key is missing', '[blocker]'],
    ['Traceback (most recent call last):\n  File "x.py"', 'traceback'],
    ['bash: ./deploy.sh: Permission denied', 'permission denied'],
    ['The request hit a timeout after 30s', 'timeout'],
    ['The job timed out waiting for the lock', 'timed out'],
    ['Looked everywhere.\nModule @elf/core not found\nStopping.', 'not found'],
    ['Checked the registry: package not found.', 'not found.'],
    ['Windows output\r\nfile not found\r\nend', 'not found'],
  ])('%j is a failure', (text, phrase) => {
    expect(classifyOutcome(text)).toEqual({ outcome: 'failure', reason: `failure: "${phrase}"` });
  });

  it('reports the first pattern that fires, in pattern order', () => {
    expect(classifyOutcome('Permission denied. Error: EACCES').reason).toBe('failure: "error:"');
  });

  it('respects word boundaries', () => {
    for (const text of [
      'The terror: a horror film review with plenty of words in it',
      'Terror: a horror film review with plenty of words in it, again',
      'An errorless run of the whole pipeline with no surprises',
      'The unfailed: marker is not a word but should not count either',
      'timeouts are now configurable per request across the client',
      'The tracebacks module was refactored into smaller files',
      'Route /users not founded on any evidence, this line continues',
    ]) {
      expect(outcomeOf(text), text).toBe('success');
    }
  });

  it('does not treat "not found" mid-line as a failure', () => {
    expect(outcomeOf('A matching file was not found in cache, so it was rebuilt and stored')).toBe('success');
  });
});

describe('false-positive guards', () => {
  it.each([
    'Added error handling: every call now has a try/catch around it.',
    'Ran the suite, no errors: everything is green across all packages.',
    'The import finished without errors: 1,204 rows were written in total.',
    'The parser is error-free: error: markers in fixtures are just test data.',
    'I fixed the error: the config path was wrong and now loads correctly.',
    'The bug was fixed; the old failed: assertion is gone from the output.',
    'Resolved the exception: NullReferenceException no longer occurs anywhere.',
    'Corrected the failure: the test now awaits the promise before asserting.',
    'Investigated why the CI job failed: it was flaky and passes on retry.',
    'The wrapper handles errors: it retries twice and then reports upstream.',
    'Exception handling: unknown exception: types are wrapped in ElfError.',
    'The memory leak was not found to be related to the cache layer at all.',
    'Ran the whole suite: 0 failed, 124 passed in 3.2 seconds on this machine.',
    'Added a healthcheck with interval: 2s, timeout: 3s, retries: 15 and it comes up healthy.',
    'Set --timeout 10000 on the slow suite; every run of the suite is green now.',
  ])('%j is not a failure', (text) => {
    expect(outcomeOf(text)).toBe('success');
  });

  it('only looks 30 characters around the match', () => {
    const far = `No errors in the first part of the run. ${'x'.repeat(40)} Error: second part broke`;
    expect(classifyOutcome(far)).toEqual({ outcome: 'failure', reason: 'failure: "error:"' });
  });

  it('a guarded match does not hide a later real failure', () => {
    expect(outcomeOf(`Added error handling: retries. ${'.'.repeat(60)} Then: permission denied`)).toBe('failure');
  });
});

describe('success patterns', () => {
  it.each([
    ['Successfully migrated the database', 'successfully migrated'],
    ['The build completed successfully', 'completed successfully'],
    ['Task complete', 'task complete'],
    ['The task is done', 'task is done'],
    ['All tests pass', 'all tests pass'],
    ['[SUCCESS] deployed', '[success]'],
    ['## Findings\n- none', '## findings'],
    ['I have completed the review', 'i have completed'],
    ['Here are the findings', 'here are the findings'],
    ['Summary: ok', 'summary:'],
    ['Created src/app.ts', 'created src'],
    ['Refactored auth', 'refactored auth'],
    ['Deployed v2', 'deployed v2'],
  ])('%j is a success', (text, phrase) => {
    expect(classifyOutcome(text)).toEqual({ outcome: 'success', reason: `success: "${phrase}"` });
  });

  it('counts substantial output without any signal as success', () => {
    expect(classifyOutcome('The module exports three functions and a default config object.')).toEqual({
      outcome: 'success',
      reason: 'success: substantial output without errors',
    });
  });

  it('leaves short output without any signal unknown', () => {
    expect(classifyOutcome('ok')).toEqual({ outcome: 'unknown', reason: 'unknown: short output without signals' });
    expect(outcomeOf('x'.repeat(50))).toBe('unknown');
    expect(outcomeOf('x'.repeat(51))).toBe('success');
  });
});

describe('reading the tool response', () => {
  const text = 'Error: could not resolve module';

  it('reads strings, content parts, arrays of parts and result/output/text fields', () => {
    for (const output of [
      text,
      { content: [{ type: 'text', text }] },
      {
        content: [
          { type: 'image', source: {} },
          { type: 'text', text },
        ],
      },
      [{ type: 'text', text }],
      { content: text },
      { result: text },
      { output: text },
      { text },
      { result: { content: [{ type: 'text', text }] } },
    ]) {
      expect(classifyOutcome(output), JSON.stringify(output)).toEqual({
        outcome: 'failure',
        reason: 'failure: "error:"',
      });
    }
  });

  it('joins several text parts', () => {
    const output = {
      content: [
        { type: 'text', text: 'first part' },
        { type: 'text', text: 'Error: second' },
      ],
    };
    expect(outcomeOf(output)).toBe('failure');
  });

  it('is unknown for empty or text-less input and never throws', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 10_000; i++) {
      const next: Record<string, unknown> = {};
      cursor.content = next;
      cursor = next;
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.content = [cyclic, cyclic];
    const hostile = {
      get content(): unknown {
        throw new Error('boom');
      },
    };
    for (const output of [
      undefined,
      null,
      '',
      '   \n ',
      0,
      42,
      Number.NaN,
      true,
      Symbol('x'),
      () => 'Error: in a function',
      [],
      {},
      { content: [] },
      { content: [{ type: 'image' }] },
      { result: 5 },
      deep,
      cyclic,
      hostile,
      new Map([['text', 'Error: in a map']]),
    ]) {
      expect(outcomeOf(output)).toBe('unknown');
    }
  });

  it('shares objects without re-reading them', () => {
    const part = { type: 'text', text: 'Error: once' };
    const wide = { content: Array.from({ length: 50 }, () => ({ content: Array(50).fill(part) })) };
    expect(outcomeOf(wide)).toBe('failure');
  });

  it('classifies a 1 MB output', () => {
    expect(outcomeOf(`${'error '.repeat(150_000)}done`)).toBe('success');
    expect(outcomeOf(`${'no error: '.repeat(100_000)}`)).toBe('success');
  });
});

describe('classifyOutcome on generated input', () => {
  it('never throws and always names the rule that fired', () => {
    fc.assert(
      fc.property(
        fc.anything({ withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
        (input) => {
          const { outcome, reason } = classifyOutcome(input);
          expect(['success', 'failure', 'unknown']).toContain(outcome);
          expect(reason.startsWith(`${outcome}: `)).toBe(true);
        },
      ),
    );
  });
});
