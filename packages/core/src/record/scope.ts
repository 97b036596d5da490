import { type Database, ElfError } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { defaultHeuristicScope, type HeuristicScope } from '../lifecycle/settings.js';

/**
 * `project_path` on input: absent = the current project (or global outside any project),
 * null = global (every project), a string = that project root.
 */
export const projectPathInput = v.optional(
  v.nullable(v.pipe(v.string('must be a path'), v.minLength(1, 'must not be empty'))),
);

export function resolveScope(ctx: CoreHandle, value: string | null | undefined): string | null {
  return value === undefined ? ctx.projectPath : value;
}

export interface HeuristicPlacement {
  /** Where it applies: a project root, or null = global. */
  project_path: string | null;
  /** Where it was learned: the given origin, else the current project root. */
  origin_path: string | null;
}

/**
 * Where a new heuristic applies and where it was learned. Applicability is an explicit choice:
 * `project_path` (a root = only there, null = global), else `scope` (`project` = the current
 * project), else the `record.default-scope` setting (default global). A lesson learned in one
 * repository usually holds in others, so nothing is confined to a project unless asked.
 */
export async function placeHeuristic(
  ctx: CoreHandle,
  db: Kysely<Database>,
  input: { scope?: HeuristicScope | undefined; project_path?: string | null; origin_path?: string | null },
): Promise<HeuristicPlacement> {
  const origin = input.origin_path === undefined ? ctx.projectPath : input.origin_path;
  if (input.project_path !== undefined) {
    if (input.scope !== undefined) {
      throw new ElfError('INVALID_INPUT', 'scope: give scope or project_path, not both', { field: 'scope' });
    }
    return { project_path: input.project_path, origin_path: origin };
  }
  const scope = input.scope ?? (await defaultHeuristicScope(db));
  // Project scope means the project it was learned in (as `elf heuristic scope ID project`).
  const here = origin ?? ctx.projectPath;
  if (scope === 'global') return { project_path: null, origin_path: origin };
  if (here !== null) return { project_path: here, origin_path: origin };
  // Outside any project the setting cannot apply; asking for project scope explicitly is an error.
  if (input.scope === undefined) return { project_path: null, origin_path: origin };
  throw new ElfError('INVALID_INPUT', 'scope: project needs a current project (none is open)', { field: 'scope' });
}
