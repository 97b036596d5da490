import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@elf/schema';
import { describe, expect, it } from 'vitest';
import { elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

const start = '<!-- elf:golden-rules:start -->';
const end = '<!-- elf:golden-rules:end -->';

/** A git checkout (a `.git` directory is all it takes) with a subdirectory to run from. */
function project(box: Sandbox) {
  const root = join(box.dir, 'repo');
  const sub = join(root, 'packages', 'app');
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(sub, { recursive: true });
  return { root, sub };
}

const numbered = (text: string) => text.split('\n').filter((line) => /^\d+\. \*\*/.test(line));

describe('elf golden export (built binary)', () => {
  it('replaces the block of an existing CLAUDE.md and leaves the user’s text byte-identical', () => {
    const box = sandbox();
    const { root, sub } = project(box);
    const before = '# My project\r\n\nNotes with trailing spaces   \n\n';
    const after = '\n\n## Build\n\n`make` — and no final newline';
    const file = join(root, 'CLAUDE.md');
    writeFileSync(file, `${before}${start}\nold rules that ELF owns\n${end}${after}`);

    const result = elfDb(box, ['golden', 'export', '--to', 'claude-md', '--json'], { cwd: sub });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(json(result)).toEqual({ file, target: 'claude-md', rules: 8, changed: true });

    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`${before}${start}`)).toBe(true);
    expect(text.endsWith(`${end}${after}`)).toBe(true);
    const inner = text.slice(before.length, text.length - after.length);
    expect(inner).not.toContain('old rules');
    expect(inner).toContain('## Golden rules (from ELF)');
    expect(inner).toContain('Managed by `elf golden export`');
    expect(numbered(inner)).toHaveLength(8);
    expect(numbered(inner)[0]).toMatch(/^1\. \*\*Query ELF before acting: .+\*\* _\(general, 0 validations\)_\r?$/);
  });

  it('is idempotent: a second run reports unchanged and does not touch the file', () => {
    const box = sandbox();
    const { root } = project(box);
    const file = join(root, 'CLAUDE.md');
    writeFileSync(file, '# Existing\n');
    expect(elfDb(box, ['golden', 'export', '--to', 'claude-md'], { cwd: root }).stdout).toBe(
      `updated: ${file} (claude-md, 8 golden rules)\n`,
    );
    const first = readFileSync(file);
    expect(first.toString().startsWith(`# Existing\n\n${start}\n`)).toBe(true);
    const mtime = statSync(file).mtimeMs;

    const again = elfDb(box, ['golden', 'export', '--to', 'claude-md'], { cwd: root });
    expect(again).toMatchObject({ code: 0, stdout: `unchanged: ${file} (claude-md, 8 golden rules)\n`, stderr: '' });
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(json(elfDb(box, ['golden', 'export', '--to', 'claude-md', '--json'], { cwd: root })).changed).toBe(false);
  });

  it('creates AGENTS.md at the project root when it is missing', () => {
    const box = sandbox();
    const { root, sub } = project(box);
    const result = elfDb(box, ['golden', 'export', '--to', 'agents-md'], { cwd: sub });
    const file = join(root, 'AGENTS.md');
    expect(result).toMatchObject({ code: 0, stdout: `created: ${file} (agents-md, 8 golden rules)\n`, stderr: '' });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`${start}\n## Golden rules (from ELF)\n`)).toBe(true);
    expect(text.endsWith(`${end}\n`)).toBe(true);
    expect(existsSync(join(sub, 'AGENTS.md'))).toBe(false);
  });

  it('creates the Cursor rules file, with front matter, and keeps what the user adds to it', () => {
    const box = sandbox();
    const { root } = project(box);
    expect(elfDb(box, ['golden', 'export', '--to', 'cursor'], { cwd: root }).code).toBe(0);
    const file = join(root, '.cursor', 'rules', 'elf-golden-rules.mdc');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(
      /^---\ndescription: Golden rules from ELF[^\n]*\nalwaysApply: true\n---\n<!-- elf:golden-rules:start -->\n# Golden rules \(from ELF\)\n/,
    );
    expect(numbered(text)).toHaveLength(8);

    writeFileSync(file, `${text}\nAlso: be kind.\n`);
    const again = json(elfDb(box, ['golden', 'export', '--to', 'cursor', '--json'], { cwd: root }));
    expect(again).toEqual({ file, target: 'cursor', rules: 8, changed: false });
    expect(readFileSync(file, 'utf8')).toBe(`${text}\nAlso: be kind.\n`);
  });

  it('shows a newly golden rule after the next export', async () => {
    const box = sandbox();
    const { root } = project(box);
    const file = join(root, 'CLAUDE.md');
    const heuristic = json(
      elfDb(
        box,
        [
          'record',
          'heuristic',
          '--domain',
          'db',
          '--rule',
          'Use IMMEDIATE transactions',
          '--explanation',
          'deferred ones lose writes',
          '--json',
        ],
        { cwd: root },
      ),
    );
    expect(elfDb(box, ['golden', 'export', '--to', 'claude-md'], { cwd: root }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('IMMEDIATE');

    const handle = await openDatabase({ path: box.db });
    await handle.db
      .updateTable('heuristics')
      .set({ is_golden: 1, times_validated: 4 })
      .where('id', '=', heuristic.id)
      .execute();
    await handle.close();

    const result = json(elfDb(box, ['golden', 'export', '--to', 'claude-md', '--json'], { cwd: root }));
    expect(result).toMatchObject({ rules: 9, changed: true });
    const lines = numbered(readFileSync(file, 'utf8'));
    expect(lines).toHaveLength(9);
    // Most validated first, as the golden-rules query orders them.
    expect(lines[0]).toBe('1. **Use IMMEDIATE transactions** — deferred ones lose writes _(db, 4 validations)_');
  });

  it('refuses a malformed block with one line naming the file, and writes nothing', () => {
    const box = sandbox();
    const { root } = project(box);
    const file = join(root, 'CLAUDE.md');
    for (const content of [`# Mine\n${start}\nno end marker\n`, `${start}\n${start}\n${end}\n`]) {
      writeFileSync(file, content);
      const result = elfDb(box, ['golden', 'export', '--to', 'claude-md'], { cwd: root });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(`^elf: --file: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has a malformed ELF block: [^\n]+\n$`),
      );
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
    const asJson = elfDb(box, ['golden', 'export', '--to', 'claude-md', '--json'], { cwd: root });
    expect(json(asJson).error).toMatchObject({ code: 'INVALID_INPUT', field: 'file' });
  });

  it('--dry-run prints the path and the block and writes nothing', () => {
    const box = sandbox();
    const { root } = project(box);
    const file = join(root, 'CLAUDE.md');
    writeFileSync(file, '# Mine\n');
    const result = elfDb(box, ['golden', 'export', '--to', 'claude-md', '--dry-run'], { cwd: root });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.startsWith(`would update: ${file} (claude-md, 8 golden rules)\n\n${start}\n`)).toBe(true);
    expect(result.stdout.endsWith(`${end}\n`)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('# Mine\n');

    const missing = json(elfDb(box, ['golden', 'export', '--to', 'agents-md', '--dry-run', '--json'], { cwd: root }));
    expect(missing).toMatchObject({
      file: join(root, 'AGENTS.md'),
      target: 'agents-md',
      rules: 8,
      changed: true,
      dry_run: true,
    });
    expect(missing.block).toMatch(/^<!-- elf:golden-rules:start -->\n## Golden rules/);
    expect(existsSync(join(root, 'AGENTS.md'))).toBe(false);
  });

  it('--file writes elsewhere (relative to the working directory), outside git the root is the working directory', () => {
    const box = sandbox();
    const dir = join(box.dir, 'plain');
    mkdirSync(dir);
    expect(elfDb(box, ['golden', 'export', '--to', 'agents-md', '--file', 'docs/RULES.md'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'docs', 'RULES.md'), 'utf8')).toContain(start);
    expect(elfDb(box, ['golden', 'export', '--to', 'claude-md'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'CLAUDE.md'))).toBe(true);
  });

  it('has help, and exits 1 for a missing or unknown --to', () => {
    const box = sandbox();
    for (const command of [['golden'], ['golden', 'export']]) {
      const help = elfDb(box, [...command, '--help']);
      expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: elf golden/) });
    }
    const missing = elfDb(box, ['golden', 'export']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--to/);
    const unknown = elfDb(box, ['golden', 'export', '--to', 'vim']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/claude-md, agents-md, cursor/);
  });
});
