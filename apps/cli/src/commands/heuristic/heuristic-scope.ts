import type { ScopeChange } from '@elf/core';
import { Argument, type Command } from 'commander';
import { scopeText } from '../../format/text.js';
import type { CliContext } from '../../runtime/handler.js';
import { type ItemStep, itemAction } from '../../runtime/item-action.js';

// Spelled out rather than imported: loading @elf/core at startup would load kysely for --help.
const scopes = ['global', 'project'] as const;

function scopeLine({ heuristic: h, previousProjectPath, changed }: ScopeChange): string {
  const now = scopeText(h);
  if (!changed) return `heuristic #${h.id} [${h.domain}] scope unchanged: ${now}`;
  const before = scopeText({ project_path: previousProjectPath, origin_path: h.origin_path });
  return `heuristic #${h.id} [${h.domain}] scope: ${before} → ${now}`;
}

/** `elf heuristic scope ID global|project` — where a heuristic applies, changed after the fact. */
export function registerHeuristicScopeCommand(heuristic: Command, cli: CliContext): void {
  heuristic
    .command('scope')
    .description('apply a heuristic in every project (global) or only in the project it was learned in (project)')
    .argument('<id>', 'the heuristic')
    .addArgument(new Argument('<scope>', 'global or project').choices(scopes))
    .action(
      itemAction(
        cli,
        ({ core, elf, id, args }: ItemStep<Record<string, never>>) =>
          core.setHeuristicScope(elf.core, { id, scope: args[1] as (typeof scopes)[number] }),
        scopeLine,
      ),
    );
}
