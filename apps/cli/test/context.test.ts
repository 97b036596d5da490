import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadO200kCounter } from '@elf/context';
import { beforeEach, describe, expect, it } from 'vitest';
import { elf, elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  const run = (args: string[]) => expect(elfDb(box, args).code).toBe(0);
  run([
    'record',
    'failure',
    '--title',
    'Migration locked the orders table for 40 s',
    '--domain',
    'database',
    '--summary',
    'ALTER TABLE without batching.',
  ]);
  run([
    'record',
    'heuristic',
    '--domain',
    'database',
    '--rule',
    'Batch large migrations so no lock is held for long',
    '--confidence',
    'high',
    '--global',
  ]);
  run(['record', 'heuristic', '--domain', 'css', '--rule', 'Prefer grid over floats for page layout', '--global']);
});

describe('elf context (built binary)', () => {
  it('prints golden rules and the knowledge relevant to the task as Markdown', () => {
    const result = elfDb(box, ['context', '--task', 'add a column to the big orders table without locking it']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^# ELF memory/);
    expect(result.stdout).toContain('## Golden rules');
    expect(result.stdout).toContain('Batch large migrations so no lock is held for long (0.85, 0✓)');
    expect(result.stdout).toContain('Migration locked the orders table');
    expect(result.stdout).not.toContain('grid');
  });

  it('--format json reports tokens within the budget, per tier, and what was left out', async () => {
    const counter = await loadO200kCounter();
    for (const maxTokens of [100, 250, 2000]) {
      const result = json(
        elfDb(box, [
          'context',
          '--task',
          'orders migration lock',
          '--max-tokens',
          String(maxTokens),
          '--format',
          'json',
        ]),
      );
      expect(result.budget).toBe(maxTokens);
      expect(result.tokens).toBeLessThanOrEqual(maxTokens);
      expect(counter.count(result.text)).toBeLessThanOrEqual(maxTokens);
      expect(result.tiers.every((t: { tokens: number }) => t.tokens > 0)).toBe(true);
      expect(Array.isArray(result.omitted)).toBe(true);
      expect(result.candidates).toBeUndefined();
    }
  });

  it('--explain lists every candidate with its score and fate', () => {
    const result = elfDb(box, ['context', '--task', 'orders migration lock', '--explain', '--max-tokens', '150']);
    expect(result.stdout).toMatch(/\n---\nexplain: \d+ of 150 tokens/);
    expect(result.stdout).toMatch(/\n\+ tier 0 learning #\d+ +score [\d.]+ +included +\[text [\d.]+, domain/);
    expect(result.stdout).toMatch(/\n- tier 1 golden_rule #\d+ +score [\d.]+ +left out \(budget\) +\[golden rule/);
  });

  it('uses the project’s .elf/context.md found above --cwd', () => {
    const project = join(box.dir, 'project');
    mkdirSync(join(project, '.elf'), { recursive: true });
    mkdirSync(join(project, 'src'));
    writeFileSync(join(project, '.elf', 'context.md'), 'Checkout service. All money in integer cents.');
    const result = elfDb(box, ['context', '--cwd', join(project, 'src')]);
    expect(result.stdout).toContain('## This project\nCheckout service. All money in integer cents.');
  });

  it.each([
    [['--max-tokens', '99'], '--max-tokens: must be an integer from 100 to 50000'],
    [['--max-tokens', '50001'], '--max-tokens'],
    [['--depth', 'everything'], "option '--depth <depth>' argument 'everything' is invalid"],
    [['--format', 'yaml'], "option '--format <format>' argument 'yaml' is invalid"],
  ])('rejects %j with exit 1 naming the flag', (args, message) => {
    const result = elfDb(box, ['context', ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['only stop words', ['--task', 'the of and to a']],
    ['a 50,000-character task', ['--task', 'x'.repeat(50_000)]],
    ['non-ASCII text', ['--task', 'データベース移行 — migración 🙂']],
    ['an unknown domain', ['--domain', 'nothing-here']],
  ])('%s gives a valid context', (_name, args) => {
    const result = elfDb(box, ['context', ...args]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## Golden rules');
  });

  it('on an empty database still prints the starter golden rules', () => {
    const empty = sandbox();
    const result = elfDb(empty, ['context']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Verify before claiming done');
  });
});

describe('the V8 code cache of the CLI bundle', () => {
  it('is written on the first run, used afterwards, and a corrupt cache only costs a recompile', () => {
    const cacheDir = join(box.dir, 'cache');
    const env = { ELF_CACHE_DIR: cacheDir, ELF_DEBUG_BOOT: '1' };
    expect(elf(box, ['--version'], { env }).stderr).toContain('code cache miss');
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(elf(box, ['--version'], { env }).stderr).toContain('code cache hit');
    writeFileSync(join(cacheDir, files[0] as string), 'not v8 data');
    const corrupt = elf(box, ['--version'], { env });
    expect(corrupt.code).toBe(0);
    expect(corrupt.stderr).toContain('code cache rejected');
    expect(elf(box, ['--version'], { env }).stderr).toContain('code cache hit');
  });

  it('keeps one cache per V8 flag set: short commands run lean, long ones with the optimising compilers', () => {
    const cacheDir = join(box.dir, 'cache-variants');
    const env = { ELF_CACHE_DIR: cacheDir, ELF_DEBUG_BOOT: '1' };
    expect(elf(box, ['--db', box.db, 'query', '--recent'], { env }).stderr).toContain('code cache miss (lean)');
    expect(elf(box, ['--db', box.db, 'export'], { env }).stderr).toContain('code cache miss (jit)');
    // Alternating never throws the other variant's cache away.
    expect(elf(box, ['--db', box.db, 'query', '--recent'], { env }).stderr).toContain('code cache hit (lean)');
    expect(elf(box, ['--db', box.db, 'export'], { env }).stderr).toContain('code cache hit (jit)');
    expect(readdirSync(cacheDir).sort()).toEqual([
      expect.stringMatching(/^elf-.*-jit\.v8cache$/),
      expect.stringMatching(/^elf-.*-lean\.v8cache$/),
    ]);
  });

  it('never breaks the command when the cache cannot be written', () => {
    const blocker = join(box.dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const result = elf(box, ['--version'], { env: { ELF_CACHE_DIR: join(blocker, 'cache') } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
