import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { counts, elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

const ok = (result: { code: number | null; stderr: string }) => {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
};

/** One of every kind of knowledge, recorded through the CLI. */
function seedAll(box: Sandbox) {
  ok(
    elfDb(box, [
      'record',
      'failure',
      '--title',
      'Migration locked the table',
      '--summary',
      'ALTER on 2M rows',
      '--domain',
      'database',
    ]),
  );
  ok(
    elfDb(box, [
      'record',
      'success',
      '--title',
      'Batching fixed the import',
      '--domain',
      'database',
      '--tags',
      'perf,sqlite',
    ]),
  );
  ok(
    elfDb(box, [
      'record',
      'heuristic',
      '--domain',
      'database',
      '--rule',
      'Add columns nullable, backfill later',
      '--confidence',
      '0.8',
    ]),
  );
  ok(
    elfDb(box, [
      'record',
      'decision',
      '--title',
      'SQLite over Postgres',
      '--context',
      'embedded',
      '--decision',
      'Use SQLite',
      '--rationale',
      'no server',
    ]),
  );
  ok(elfDb(box, ['record', 'assumption', '--assumption', 'Agents run on one machine', '--confidence', 'high']));
  ok(
    elfDb(box, [
      'record',
      'invariant',
      '--statement',
      'Knowledge is never deleted by maintenance',
      '--rationale',
      'it is the product',
      '--domain',
      'database',
    ]),
  );
  ok(
    elfDb(box, [
      'record',
      'spike',
      '--title',
      'FTS5 ranking',
      '--topic',
      'search',
      '--question',
      'bm25 weights?',
      '--findings',
      'Titles weigh 10',
    ]),
  );
  ok(elfDb(box, ['record', 'experiment', '--name', 'wal-size', '--hypothesis', 'Checkpoints keep the WAL small']));
}

describe('elf export / elf import (built binary)', () => {
  it('round-trips every knowledge row into a fresh home, counts and content reproduced exactly', () => {
    const source = sandbox();
    seedAll(source);
    const file = join(source.dir, 'out.jsonl');
    const exported = elfDb(source, ['export', '--out', file]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/^exported to .*out\.jsonl: /);
    const target = sandbox();
    const report = json(elfDb(target, ['import', file, '--json']));
    expect(report.skipped).toEqual([]);
    // The starter golden rules exist on both sides: skipped as identical, so counts match exactly.
    expect(report.alreadyPresent.heuristic).toBeGreaterThan(0);
    expect(counts(target)).toEqual(counts(source));
    // Every record after the header line; the starter golden rules each home seeded itself differ
    // only in when they were seeded.
    const body = (box: Sandbox) =>
      elfDb(box, ['export'])
        .stdout.trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const record = JSON.parse(line);
          if (record.row.source_type === 'starter') {
            delete record.row.created_at;
            delete record.row.updated_at;
          }
          return record;
        });
    expect(body(target)).toEqual(body(source));
    // Importing again adds nothing.
    const again = json(elfDb(target, ['import', file, '--json']));
    expect(Object.values(again.imported).every((n) => n === 0)).toBe(true);
    expect(counts(target)).toEqual(counts(source));
  });

  it('exports readable Markdown to stdout', () => {
    const box = sandbox();
    seedAll(box);
    const markdown = elfDb(box, ['export', '--format', 'markdown']).stdout;
    expect(markdown).toMatch(/^# /);
    expect(markdown).toContain('Migration locked the table');
    expect(markdown).toContain('Add columns nullable, backfill later');
  });

  it('refuses a missing file or a non-export with one line and changes nothing', () => {
    const box = sandbox();
    ok(elfDb(box, ['init']));
    const before = counts(box);
    const missing = elfDb(box, ['import', 'nope.jsonl']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^elf: .*no such file .*nope\.jsonl\n$/);
    const bogus = join(box.dir, 'bogus.jsonl');
    writeFileSync(bogus, '{"hello":1}\n');
    const bad = elfDb(box, ['import', bogus]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(counts(box)).toEqual(before);
    const format = elfDb(box, ['export', '--format', 'csv']);
    expect(format.code).toBe(1);
    expect(format.stderr).toMatch(/--format/);
  });
});

describe('elf import elf-py (built binary)', () => {
  const fixture = fileURLToPath(new URL('../../../packages/maintenance/test/fixtures/elf-py/memory', import.meta.url));

  it('imports the default installation under ~/.claude/emergent-learning, reports counts, and is idempotent', () => {
    const box = sandbox();
    const base = join(box.home, '.claude', 'emergent-learning');
    mkdirSync(join(base, 'memory'), { recursive: true });
    cpSync(fixture, join(base, 'memory'), { recursive: true });
    const first = elfDb(box, ['import', 'elf-py']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^imported the original ELF from ${base}\\n  imported: .*learning 25`));
    const after = counts(box);
    expect(after.learnings).toBe(25);
    expect(after.decisions).toBe(4);
    const second = json(elfDb(box, ['import', 'elf-py', '--json']));
    expect(Object.values(second.imported).every((n) => n === 0)).toBe(true);
    expect(counts(box)).toEqual(after);
  });

  it('takes an explicit base and names a missing installation in one line', () => {
    const box = sandbox();
    const base = join(box.dir, 'old-elf');
    mkdirSync(join(base, 'memory'), { recursive: true });
    cpSync(fixture, join(base, 'memory'), { recursive: true });
    ok(elfDb(box, ['import', 'elf-py', base, '--json']));
    expect(counts(box).learnings).toBe(25);
    const missing = elfDb(box, ['import', 'elf-py', join(box.dir, 'nowhere')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/nowhere/);
  });
});

describe('the CLI bundle', () => {
  it('has no dynamic import() of a module outside the bundle (Node 20 cannot run them from the code cache)', () => {
    const bundle = readFileSync(fileURLToPath(new URL('../dist/elf.cjs', import.meta.url)), 'utf8');
    const dynamic = [...bundle.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]);
    // gpt-tokenizer's optional loader is never called: tokenizer.ts requires the encoding directly.
    expect(dynamic.filter((name) => name !== 'gpt-tokenizer/encoding/o200k_base')).toEqual([]);
    expect(existsSync(fileURLToPath(new URL('../dist/bin.js', import.meta.url)))).toBe(true);
  });
});
