import { describe, expect, it } from 'vitest';
import { serial } from './serial.js';

describe('serial', () => {
  it('runs tasks one at a time in arrival order, and a failure does not stop the next', async () => {
    const inTurn = serial();
    const events: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      () =>
        new Promise<string>((resolve, reject) => {
          events.push(`start ${name}`);
          setTimeout(() => {
            events.push(`end ${name}`);
            if (fail) reject(new Error(name));
            else resolve(name);
          }, ms);
        });
    const results = await Promise.allSettled([inTurn(task('a', 20)), inTurn(task('b', 1, true)), inTurn(task('c', 1))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
