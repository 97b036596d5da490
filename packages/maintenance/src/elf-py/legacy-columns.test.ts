import { describe, expect, it } from 'vitest';
import { choice, dated, fitted, jsonList, readColumns, textOrUnrecorded } from './legacy-columns.js';

const now = '2026-11-27T00:00:00.000Z';

describe('reading the original ELF column by column', () => {
  it('reads each column from the value of the same name, whatever else the row holds', () => {
    const row = { title: `  ${'word '.repeat(120)} `, status: 'bogus', extra: 'ignored' };
    const read = readColumns(row, now, {
      title: fitted(50),
      status: choice(['active', 'done'], 'active'),
      context: textOrUnrecorded,
    });
    expect(Object.keys(read)).toEqual(['title', 'status', 'context']);
    expect(read.title).toMatch(/^(word )*word…$/);
    expect(String(read.title).length).toBeLessThanOrEqual(50);
    expect(read).toMatchObject({ status: 'active', context: '(not recorded)' });
  });

  it('dates a row by what it has: updated_at falls back to created_at, created_at to the import time', () => {
    expect(readColumns({ created_at: '2025-01-02 03:04:05' }, now, dated)).toEqual({
      created_at: '2025-01-02T03:04:05.000Z',
      updated_at: '2025-01-02T03:04:05.000Z',
    });
    expect(readColumns({}, now, dated)).toEqual({ created_at: now, updated_at: now });
  });

  it('keeps a JSON list and makes one of a comma-separated list', () => {
    expect(jsonList('["a.ts"]', {}, now)).toBe('["a.ts"]');
    expect(jsonList('a.ts, b.ts,', {}, now)).toBe('["a.ts","b.ts"]');
    expect(jsonList('  ', {}, now)).toBeNull();
  });
});
