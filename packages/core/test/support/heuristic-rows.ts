import { expect } from 'vitest';
import type { Elf } from '../../src/index.js';

// Shared by the tests that record, edit and age heuristics, so they all read rows and the audit trail alike.

export async function heuristicRows(elf: Elf) {
  return elf.db.selectFrom('heuristics').selectAll().orderBy('id').execute();
}

export const heuristicRow = (elf: Elf, id: number) =>
  elf.db.selectFrom('heuristics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export async function auditRows(elf: Elf, heuristicId?: number) {
  let query = elf.db.selectFrom('confidence_updates').selectAll().orderBy('id');
  if (heuristicId !== undefined) query = query.where('heuristic_id', '=', heuristicId);
  return query.execute();
}

/** Everything a rejected edit must leave alone. */
async function dump(elf: Elf) {
  return {
    heuristics: await heuristicRows(elf),
    audit: await auditRows(elf),
    decisions: await elf.db.selectFrom('decisions').selectAll().orderBy('id').execute(),
  };
}

/** Asserts that `action` fails with this code and message and changes nothing. */
export async function rejects(elf: Elf, action: () => Promise<unknown>, code: string, message: string | RegExp) {
  const before = await dump(elf);
  const error = await action().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'ElfError', code });
  expect((error as Error).message).toMatch(message);
  expect(await dump(elf)).toEqual(before);
}
