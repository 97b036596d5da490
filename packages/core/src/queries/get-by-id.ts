import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toHeuristic, toLearning } from '../mappers.js';
import type { Heuristic, Learning } from '../types.js';
import { id } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const idInput = v.object({ id });

export async function getLearning(ctx: CoreHandle, learningId: number | string): Promise<Learning> {
  const { id: wanted } = parseInput(idInput, { id: learningId });
  const row = await ctx.db.selectFrom('learnings').selectAll().where('id', '=', wanted).executeTakeFirst();
  if (!row) throw new ElfError('NOT_FOUND', `id: no learning with id ${wanted}`, { field: 'id' });
  return toLearning(row);
}

export async function getHeuristic(ctx: CoreHandle, heuristicId: number | string): Promise<Heuristic> {
  const { id: wanted } = parseInput(idInput, { id: heuristicId });
  const row = await ctx.db.selectFrom('heuristics').selectAll().where('id', '=', wanted).executeTakeFirst();
  if (!row) throw new ElfError('NOT_FOUND', `id: no heuristic with id ${wanted}`, { field: 'id' });
  return toHeuristic(row);
}
