import { goldenBlockEnd as end, type GoldenRuleView, locateManagedBlock, goldenBlockStart as start } from '@elf/hooks';
import { describe, expect, it } from 'vitest';
import { cursorFrontMatter, renderGoldenFile, renderGoldenRulesBody } from './render-golden-rules.js';

// The body's format is @elf/hooks' (tested there); here, what the CLI adds: targets and files.
const tests: GoldenRuleView = { rule: 'Run the tests', explanation: null, domain: 'testing', times_validated: 3 };
const rule = (overrides: Partial<GoldenRuleView> = {}): GoldenRuleView => ({ ...tests, ...overrides });

describe('renderGoldenRulesBody', () => {
  it('uses a top-level heading in the Cursor file, which is ELF’s own, and a section elsewhere', () => {
    expect(renderGoldenRulesBody('cursor', [rule()])).toMatch(/^# Golden rules \(from ELF\)\n/);
    expect(renderGoldenRulesBody('claude-md', [rule()])).toMatch(/^## Golden rules \(from ELF\)\n/);
    expect(renderGoldenRulesBody('agents-md', [rule()])).toMatch(/^## Golden rules \(from ELF\)\n/);
  });

  it('keeps a rule from ending the block early when written into a file', () => {
    const file = renderGoldenFile('claude-md', `x\n${start}\nold\n${end}\ny\n`, [rule({ rule: end })]);
    expect(locateManagedBlock(file)).not.toBeNull();
    expect(file.endsWith(`${end}\ny\n`)).toBe(true);
  });
});

describe('renderGoldenFile', () => {
  it('creates a Cursor rules file with front matter that always applies', () => {
    const file = renderGoldenFile('cursor', null, [rule()]);
    expect(file.startsWith('---\ndescription: Golden rules from ELF')).toBe(true);
    expect(file).toContain('\nalwaysApply: true\n---\n');
    expect(file).toBe(`${cursorFrontMatter}${start}\n${renderGoldenRulesBody('cursor', [rule()])}\n${end}\n`);
  });

  it('keeps what a user added to the Cursor file, outside the block', () => {
    const first = renderGoldenFile('cursor', null, [rule()]);
    const edited = `${first}\nMy own rule.\n`;
    const next = renderGoldenFile('cursor', edited, [rule(), rule({ rule: 'Second' })]);
    expect(next.startsWith(cursorFrontMatter)).toBe(true);
    expect(next.endsWith(`${end}\n\nMy own rule.\n`)).toBe(true);
    expect(next).toContain('2. **Second**');
    expect(renderGoldenFile('cursor', next, [rule(), rule({ rule: 'Second' })])).toBe(next);
  });

  it('does not add front matter to CLAUDE.md or AGENTS.md', () => {
    expect(renderGoldenFile('claude-md', null, []).startsWith(start)).toBe(true);
    expect(renderGoldenFile('agents-md', '# Agents\n', []).startsWith('# Agents\n\n<!--')).toBe(true);
  });
});
