import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchCaseNames } from '@elf/profiling';
import { describe, expect, it } from 'vitest';
import { elf, json, sandbox } from './support/run-elf.js';

describe('elf bench (built binary)', () => {
  it('measures every case on a generated 1k dataset, saves, compares, and checks ratios', () => {
    const box = sandbox();
    const saved = join(box.dir, 'run.json');
    const first = elf(box, ['bench', '--size', '1k', '--time', '50', '--cold-runs', '1', '--json', '--out', saved]);
    expect(first.stderr).toBe(''); // quiet with --json: no progress bar
    expect(first.code).toBe(0);
    const report = json(first);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(report);
    expect(report.meta).toMatchObject({ size: '1k', learnings: 1000, heuristics: 200 });
    expect(report.cases.map((c: { name: string }) => c.name)).toEqual(benchCaseNames);
    for (const c of report.cases) expect(c.p95).toBeGreaterThanOrEqual(c.p50);
    expect(report.dataset.fileMb).toBeGreaterThan(0.3);
    expect(report.coldStart.cases.map((c: { name: string }) => c.name)).toEqual([
      'node -e 0',
      'elf context',
      'hook SessionStart',
      'hook UserPromptSubmit',
      'hook PreToolUse(Task)',
      'hook PostToolUse(Read)',
      'hook PostToolUseFailure',
      // As installed hooks start: from the hook's start-up snapshot (built into the bench folder).
      'hook SessionStart (snapshot)',
      'hook UserPromptSubmit (snapshot)',
      'hook PreToolUse(Task) (snapshot)',
      'hook PostToolUse(Read) (snapshot)',
      'hook PostToolUseFailure (snapshot)',
    ]);
    expect(report.coldStart.cases[1].maxRssMb).toBeGreaterThan(report.coldStart.cases[0].maxRssMb);
    // Cold processes are also ratios to node -e 0 from the same rounds, which --check can hold.
    for (const c of report.coldStart.cases.slice(1)) {
      expect(report.ratios[`cold ${c.name} / node -e 0`]).toBe(c.ratio);
      expect(c.ratio).toBeGreaterThan(1);
      expect(c.p95OverBaselineMs).toBeCloseTo(c.p95Ms - report.coldStart.cases[0].p50Ms, 2);
    }

    const generous = join(box.dir, 'generous.json');
    const strict = join(box.dir, 'strict.json');
    writeFileSync(generous, JSON.stringify({ max: { 'build context 2000 / raw indexed query': 1e9 } }));
    writeFileSync(strict, JSON.stringify({ max: { 'build context 2000 / raw indexed query': 1 } }));
    const checked = elf(box, ['bench', '--time', '50', '--cold-runs', '0', '--compare', saved, '--check', generous]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^build context 2000\s+[\d.]+\s+[\d.]+/m);
    expect(checked.stdout).toMatch(/vs saved: build context 2000 +p50 [\d.]+ → [\d.]+ ms \([+-]?[\d.]+ %\)/);
    expect(checked.stdout).toMatch(/ratios within their limits/);
    expect(checked.stdout).not.toMatch(/^cold /m);

    const failed = elf(box, ['bench', '--time', '50', '--cold-runs', '0', '--check', strict, '--json']);
    expect(failed.code).toBe(1);
    expect(json(failed).regressions).toEqual([
      expect.stringMatching(/^build context 2000 \/ raw indexed query: [\d.]+ > 1$/),
    ]);
  }, 120_000);

  it('rejects bad options with one line naming the flag', () => {
    const box = sandbox();
    expect(elf(box, ['bench', '--time', '5']).stderr).toBe(
      'elf: --time: must be an integer from 50 to 60000 (got "5")\n',
    );
    expect(elf(box, ['bench', '--cold-runs', 'x']).stderr).toBe(
      'elf: --cold-runs: must be an integer from 0 to 1000 (got "x")\n',
    );
    const size = elf(box, ['bench', '--size', '3k']);
    expect(size.code).toBe(1);
    expect(size.stderr).toMatch(/--size/);
    const missing = elf(box, ['bench', '--compare', 'nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^elf: --compare: cannot read nope\.json/);
    // Checked before any dataset is generated.
    const original = elf(box, ['bench', '--compare-original', box.dir]);
    expect(original.code).toBe(1);
    expect(original.stderr).toBe(
      `elf: --compare-original: ${box.dir} has no query/query.py (is it a checkout of the original ELF?)\n`,
    );
  });
});
