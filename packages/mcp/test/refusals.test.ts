import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elfTools } from '../src/index.js';
import { connected, textOf } from './support/connected.js';

// Bad arguments come back as tool errors that name the argument; the server keeps serving and
// nothing is written. Random argument objects never crash it.

const refusals: [tool: string, args: Record<string, unknown>, message: RegExp][] = [
  ['elf_context', {}, /^Invalid arguments: task: required$/],
  ['elf_context', { task: 42 }, /task: must be a string \(got an integer\)/],
  ['elf_context', { task: 'x', budget: 50 }, /budget: must be at least 100$/],
  ['elf_context', { task: 'x', budget: 60_000 }, /budget: must be at most 50000$/],
  ['elf_context', { task: 'x', budget: 1.5 }, /budget: must be an int/],
  ['elf_context', { task: 'x', tokens: 10 }, /tokens: unknown argument/],
  ['elf_search', { query: '   ' }, /query: must be at least 1 characters/],
  [
    'elf_search',
    { query: 'x', kinds: ['rumour'] },
    /kinds\.0: must be one of learning, heuristic, decision, spike_report/,
  ],
  ['elf_search', { query: 'x', limit: 0 }, /limit: must be at least 1/],
  ['elf_record_failure', { title: ['a'] }, /title: must be a string \(got an array\)/],
  ['elf_record_failure', { title: 'x', severity: 9 }, /severity: must be at most 5/],
  ['elf_record_failure', { title: 'x', domain: 'not a domain!' }, /domain: /],
  ['elf_record_success', { title: 'x'.repeat(501) }, /title: must be at most 500 characters/],
  ['elf_record_heuristic', { rule: 'x', confidence: 2 }, /confidence: must be at most 1/],
  ['elf_record_heuristic', { rule: 'x', project_only: 'yes' }, /project_only: must be a boolean/],
  ['elf_record_decision', { title: 'x', context: 'y', decision: 'z' }, /rationale: required/],
  ['elf_validate_heuristic', { id: 99_999 }, /^id: no heuristic with id 99999/],
  ['elf_validate_heuristic', { id: '3' }, /id: must be a number \(got string\)/],
  ['elf_violate_heuristic', { id: -1 }, /id: must be at least 1/],
  ['elf_violate_heuristic', { id: 1, session: '' }, /session: must be at least 1 characters/],
  ['elf_golden_rules', { budget: 'all' }, /budget: must be a number/],
  ['elf_stats', { verbose: true }, /verbose: unknown argument/],
];

describe('elf MCP refusals', () => {
  it.each(refusals)(
    '%s %j is refused with a message naming the argument, and writes nothing',
    async (tool, args, message) => {
      const { call, writes, client } = await connected();
      const before = await writes();
      const result = await call(tool, args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(message);
      expect(textOf(result)).not.toContain('\n');
      expect(await writes()).toBe(before);
      expect((await client.listTools()).tools).toHaveLength(10);
    },
  );

  it('refuses an outcome on a retracted rule, naming its state', async () => {
    const { call, elf, writes } = await connected();
    const rule = await elf.recordHeuristic({ rule: 'Cache the build output', domain: 'ci' });
    await elf.db.updateTable('heuristics').set({ status: 'retracted' }).where('id', '=', rule.id).execute();
    const before = await writes();
    const result = await call('elf_validate_heuristic', { id: rule.id });
    expect(textOf(result)).toBe(`id: heuristic #${rule.id} is retracted; only active rules take outcomes`);
    expect(result.isError).toBe(true);
    expect(await writes()).toBe(before);
  });

  it('answers an unknown tool with a protocol error, and keeps serving', async () => {
    const { client } = await connected();
    await expect(client.callTool({ name: 'elf_forget_everything', arguments: {} })).rejects.toThrow(/Unknown tool/);
    expect((await client.listTools()).tools).toHaveLength(10);
  });

  it('answers random argument objects to every tool with a valid result, never a crash', async () => {
    const { call, client } = await connected();
    const names = elfTools.map((t) => t.name);
    const known = ['task', 'query', 'budget', 'domain', 'id', 'title', 'rule', 'limit', 'kinds', 'session', 'severity'];
    const value = fc.oneof(fc.anything(), fc.integer({ min: -5, max: 60_000 }), fc.string({ maxLength: 30 }));
    const args = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 4 }),
      fc.dictionary(fc.constantFrom(...known), value, { maxKeys: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), args, async (name, input) => {
        const result = await call(name, input as Record<string, unknown>);
        expect(Array.isArray(result.content)).toBe(true);
        expect(result.content.length).toBeGreaterThan(0);
        if (result.isError) expect(textOf(result)).not.toMatch(/\n|^\s*$|at .*\.js:\d+/);
      }),
      { numRuns: 300 },
    );
    expect((await client.listTools()).tools).toHaveLength(10);
  });
});
