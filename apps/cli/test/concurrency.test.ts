import { describe, expect, it } from 'vitest';
import { counts, elfAsync, elfDb, sandbox } from './support/run-elf.js';

describe('concurrent elf processes (built binary)', () => {
  it('16 processes recording at once into a new database: all succeed, nothing lost', async () => {
    const box = sandbox();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        elfAsync(box, ['--db', box.db, 'record', 'observation', '--title', `process ${i}`, '--domain', 'load']),
      ),
    );
    for (const result of results) expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(counts(box).learnings).toBe(16);
    expect(elfDb(box, ['validate']).code).toBe(0);
  }, 120_000);
});
