import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { toHeuristic } from '../mappers.js';
import { requireRow, updateRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { id, oneOf } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { heuristicScopes } from './settings.js';

const scopeInput = v.object({ id, scope: oneOf(heuristicScopes) });
export type SetHeuristicScopeInput = v.InferInput<typeof scopeInput>;

export interface ScopeChange {
  heuristic: Heuristic;
  /** Where it applied before: a project root, or null = global. */
  previousProjectPath: string | null;
  changed: boolean;
}

/**
 * `elf heuristic scope ID global|project`: global applies it in every project (project_path
 * NULL); project confines it to the project it was learned in (origin_path), or to the current
 * project when its origin is unknown. Nothing else about the heuristic changes.
 */
export async function setHeuristicScope(ctx: CoreHandle, input: SetHeuristicScopeInput): Promise<ScopeChange> {
  const data = parseInput(scopeInput, input);
  return writeTransaction(ctx.db, async (trx) => {
    const h = await requireRow(trx, 'heuristics', data.id);
    const wanted = data.scope === 'global' ? null : (h.origin_path ?? ctx.projectPath);
    if (wanted === null && data.scope === 'project') {
      throw new ElfError(
        'INVALID_INPUT',
        `scope: heuristic #${h.id} has no recorded origin and no project is open to scope it to`,
        { field: 'scope' },
      );
    }
    if (wanted === h.project_path) {
      return { heuristic: toHeuristic(h), previousProjectPath: h.project_path, changed: false };
    }
    const row = await updateRow(trx, 'heuristics', h.id, { project_path: wanted, updated_at: nowIso(ctx) });
    return { heuristic: toHeuristic(row), previousProjectPath: h.project_path, changed: true };
  });
}
