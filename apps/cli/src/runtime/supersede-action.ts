import type { Elf } from '@elf/core';
import { emitStep } from './emit-step.js';
import { type CliContext, handler } from './handler.js';
import type { CoreModule } from './item-action.js';
import { positiveId } from './number-option.js';

export interface Supersession {
  id: number;
  by: number;
  reason: string | null;
}

/**
 * The action of `elf decision supersede` and `elf heuristic supersede` (`<id> --by <new-id>
 * [--reason]`), which differ only in what they retire: both ids are checked before the database
 * opens, so a bad one changes nothing.
 */
export function supersedeAction<T extends { id: number; superseded_by: number | null }>(
  cli: CliContext,
  kind: 'decision' | 'heuristic',
  supersede: (core: CoreModule, elf: Elf, supersession: Supersession) => Promise<T>,
) {
  return handler<{ by: string; reason?: string }>(cli, async (opts, globals, command) => {
    const id = await positiveId(command.args[0], 'id');
    const by = await positiveId(opts.by, 'by');
    const core = await import('@elf/core');
    await emitStep(
      cli,
      globals,
      (elf) => supersede(core, elf, { id, by, reason: opts.reason ?? null }),
      (item) => `${kind} #${item.id} superseded by #${item.superseded_by}`,
    );
  });
}
