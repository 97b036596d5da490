import { describe, expect, it } from 'vitest';
import { blockingEvents, dayStart, rateLimitApplies } from './rate-limit.js';

describe('rate limit rules', () => {
  it('limits only the hooks’ outcomes', () => {
    for (const event of ['validated', 'violated', 'contradicted', 'consulted'] as const)
      expect(rateLimitApplies('auto', event)).toBe(true);
    for (const event of ['decay', 'revived', 'manual'] as const) expect(rateLimitApplies('auto', event)).toBe(false);
    expect(rateLimitApplies('manual', 'validated')).toBe(false);
    expect(rateLimitApplies('system', 'violated')).toBe(false);
  });

  it('never lets an unknown outcome take a real outcome’s slot', () => {
    expect(blockingEvents('validated')).toEqual(['validated', 'violated', 'contradicted']);
    expect(blockingEvents('consulted')).toEqual(['validated', 'violated', 'contradicted', 'consulted']);
  });

  it('counts the daily cap from midnight UTC', () => {
    expect(dayStart('2026-03-04T23:59:59.999Z')).toBe('2026-03-04T00:00:00.000Z');
  });
});
