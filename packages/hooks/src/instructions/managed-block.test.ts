import { isElfError } from '@elf/core';
import { describe, expect, it } from 'vitest';
import {
  goldenBlockEnd as blockEnd,
  goldenBlockStart as blockStart,
  locateManagedBlock,
  managedBlockProblem,
  removeManagedBlock,
  upsertManagedBlock,
} from './managed-block.js';

/** The error a malformed block raises: an INVALID_INPUT ElfError naming the problem. */
const malformed = (run: () => unknown, problem: RegExp = /./) => {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(isElfError(error) && error.code === 'INVALID_INPUT', String(error)).toBe(true);
  expect((error as Error).message).toMatch(/^malformed ELF block: /);
  expect((error as Error).message).toMatch(problem);
};

const block = (body: string) => `${blockStart}\n${body}\n${blockEnd}`;

describe('upsertManagedBlock', () => {
  it('makes a missing or empty file just the block', () => {
    expect(upsertManagedBlock(null, 'rules')).toBe(`${block('rules')}\n`);
    expect(upsertManagedBlock('', 'rules')).toBe(`${block('rules')}\n`);
  });

  it('appends after a blank line, keeping the existing bytes as a prefix', () => {
    expect(upsertManagedBlock('# Notes', 'r')).toBe(`# Notes\n\n${block('r')}\n`);
    expect(upsertManagedBlock('# Notes\n', 'r')).toBe(`# Notes\n\n${block('r')}\n`);
    expect(upsertManagedBlock('# Notes\n\n', 'r')).toBe(`# Notes\n\n${block('r')}\n`);
    expect(upsertManagedBlock('# Notes\n\n\n', 'r')).toBe(`# Notes\n\n\n${block('r')}\n`);
  });

  it('replaces the block in place, leaving the bytes around it alone', () => {
    const before = '# Title\n\nkeep  this \t\n\n';
    const after = '\n\n## After\nno final newline';
    const text = `${before}${block('old\nrules')}${after}`;
    expect(upsertManagedBlock(text, 'new')).toBe(`${before}${block('new')}${after}`);
  });

  it('replaces a block at the very start or end of the file', () => {
    expect(upsertManagedBlock(`${block('a')}\nrest\n`, 'b')).toBe(`${block('b')}\nrest\n`);
    expect(upsertManagedBlock(`top\n\n${block('a')}`, 'b')).toBe(`top\n\n${block('b')}`);
  });

  it('writes a CRLF block into a CRLF file', () => {
    expect(upsertManagedBlock('a\r\n', 'x\ny')).toBe(`a\r\n\r\n${blockStart}\r\nx\r\ny\r\n${blockEnd}\r\n`);
    const crlf = `a\r\n${blockStart}\r\nold\r\n${blockEnd}\r\nb\r\n`;
    expect(upsertManagedBlock(crlf, 'new')).toBe(`a\r\n${blockStart}\r\nnew\r\n${blockEnd}\r\nb\r\n`);
  });

  it('treats markers as markers only on their own line (indentation and trailing spaces allowed)', () => {
    const inline = `Do not touch \`${blockStart}\` in prose.\n`;
    expect(upsertManagedBlock(inline, 'r')).toBe(`${inline}\n${block('r')}\n`);
    const indented = `x\n  ${blockStart}  \nold\n\t${blockEnd}\ny\n`;
    expect(upsertManagedBlock(indented, 'r')).toBe(`x\n${block('r')}\ny\n`);
  });

  it('is idempotent: a second upsert with the same body changes nothing', () => {
    const seeds = [null, '', 'a', 'a\n', 'a\r\nb\r\n', `x\n${block('old')}\ny`, `${block('')}`, '\n\n'];
    for (const seed of seeds) {
      for (const body of ['', 'one', 'one\ntwo\n', 'x\r\ny']) {
        const once = upsertManagedBlock(seed, body);
        expect(upsertManagedBlock(once, body), JSON.stringify({ seed, body })).toBe(once);
      }
    }
  });

  it('keeps arbitrary surrounding text byte-identical (generated cases)', () => {
    let state = 42;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const pieces = ['a', ' ', '\n', '\r\n', 'é', '🙂', '<!--', '-->', '#', '\t', 'elf'];
    const text = () =>
      Array.from({ length: Math.floor(random() * 20) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const before = text();
      const after = text();
      const eolBefore = before === '' || before.endsWith('\n') ? '' : '\n';
      const eolAfter = after === '' || after.startsWith('\n') || after.startsWith('\r\n') ? '' : '\n';
      const original = `${before}${eolBefore}${block('old')}${eolAfter}${after}`;
      const result = upsertManagedBlock(original, 'new');
      expect(result.startsWith(`${before}${eolBefore}`)).toBe(true);
      expect(result.endsWith(`${eolAfter}${after}`)).toBe(true);
      expect(upsertManagedBlock(result, 'new')).toBe(result);
    }
  });

  it('refuses a malformed block', () => {
    const cases = [
      `${blockStart}\nno end\n`,
      `${blockStart}\na\n${blockStart}\nb\n${blockEnd}\n`,
      `${blockStart}\na\n${blockEnd}\n${blockEnd}\n`,
      `only an end\n${blockEnd}\n`,
      `${blockEnd}\nbackwards\n${blockStart}\n`,
    ];
    for (const text of cases) malformed(() => upsertManagedBlock(text, 'r'));
    malformed(() => upsertManagedBlock(cases[0] ?? '', 'r'), /start marker without an end marker/);
    malformed(() => upsertManagedBlock(cases[1] ?? '', 'r'), /2 start markers/);
    for (const text of cases) expect(managedBlockProblem(text), text).toMatch(/marker/);
  });
});

describe('locateManagedBlock', () => {
  it('spans the start marker to the end marker, not its line terminator', () => {
    const text = `ab\n${block('x')}\ncd`;
    const found = locateManagedBlock(text);
    expect(found && text.slice(found.start, found.end)).toBe(block('x'));
    expect(locateManagedBlock('nothing here')).toBeNull();
    expect(managedBlockProblem(text)).toBeNull();
    expect(managedBlockProblem('nothing here')).toBeNull();
  });
});

describe('removeManagedBlock', () => {
  it('undoes an append up to the final newline', () => {
    expect(removeManagedBlock(upsertManagedBlock('# Notes\n', 'r'))).toBe('# Notes\n');
    expect(removeManagedBlock(upsertManagedBlock('# Notes', 'r'))).toBe('# Notes\n');
    expect(removeManagedBlock(upsertManagedBlock(null, 'r'))).toBe('');
    expect(removeManagedBlock(`a\r\n\r\n${blockStart}\r\nr\r\n${blockEnd}\r\n`)).toBe('a\r\n');
  });

  it('takes a block out of the middle with one of the blank lines around it', () => {
    expect(removeManagedBlock(`a\n\n${block('r')}\n\nb\n`)).toBe('a\n\nb\n');
    expect(removeManagedBlock(`a\n${block('r')}\nb\n`)).toBe('a\nb\n');
  });

  it('returns text without a block unchanged, and refuses a malformed one', () => {
    expect(removeManagedBlock('plain\n')).toBe('plain\n');
    malformed(() => removeManagedBlock(`${blockStart}\n`));
  });
});
