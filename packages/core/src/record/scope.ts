import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';

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
