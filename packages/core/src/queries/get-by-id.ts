import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toHeuristic, toLearning } from '../mappers.js';
import { requireRow } from '../rows.js';
import type { Heuristic, Learning } from '../types.js';
import { id } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const idInput = v.object({ id });

export async function getLearning(ctx: CoreHandle, learningId: number | string): Promise<Learning> {
  const { id: wanted } = parseInput(idInput, { id: learningId });
  return toLearning(await requireRow(ctx.db, 'learnings', wanted));
}

export async function getHeuristic(ctx: CoreHandle, heuristicId: number | string): Promise<Heuristic> {
  const { id: wanted } = parseInput(idInput, { id: heuristicId });
  return toHeuristic(await requireRow(ctx.db, 'heuristics', wanted));
}
