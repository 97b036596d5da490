import { Elf } from '@elf/core';
import { expect } from 'vitest';
import { elfDb, type Sandbox } from './run-elf.js';

// Shared by the tests of commands that change heuristics: what a refused command must leave alone.

/** The rows a rejected command must leave exactly as they were, settings included. */
export async function dump(box: Sandbox) {
  const store = await Elf.open({ path: box.db, projectPath: null, create: false });
  try {
    return {
      heuristics: await store.db.selectFrom('heuristics').selectAll().orderBy('id').execute(),
      audit: await store.db.selectFrom('confidence_updates').selectAll().orderBy('id').execute(),
      decisions: await store.db.selectFrom('decisions').selectAll().orderBy('id').execute(),
      settings: await store.db.selectFrom('settings').selectAll().orderBy('key').execute(),
    };
  } finally {
    await store.close();
  }
}

/** Runs a command that must fail with exit 1, one line naming `field`, and no change. */
export async function refused(
  box: Sandbox,
  args: string[],
  field: string,
  message: RegExp,
  options?: Parameters<typeof elfDb>[2],
) {
  const before = await dump(box);
  const result = elfDb(box, args, options);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(new RegExp(`^elf: ${field}: .*\\n$`));
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(result.stderr).toMatch(message);
  expect(await dump(box)).toEqual(before);
}
