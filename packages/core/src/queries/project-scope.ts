import type { Database } from '@elf/schema';
import type { ExpressionBuilder } from 'kysely';

/** Heuristics that apply here: global ones plus those of the current project. */
export function appliesToProject(projectPath: string | null) {
  return (eb: ExpressionBuilder<Database, 'heuristics'>) =>
    projectPath === null
      ? eb('heuristics.project_path', 'is', null)
      : eb.or([eb('heuristics.project_path', 'is', null), eb('heuristics.project_path', '=', projectPath)]);
}
