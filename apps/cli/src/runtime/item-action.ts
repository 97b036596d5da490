import type { Elf } from '@elf/core';
import { emitStep } from './emit-step.js';
import { type CliContext, handler } from './handler.js';
import { positiveId } from './number-option.js';

/** The functions of @elf/core, imported only once a command runs (never for --help). */
export type CoreModule = typeof import('@elf/core');

/** What the step of a command on one item gets: the database, core, the checked id, its options. */
export interface ItemStep<O> {
  elf: Elf;
  core: CoreModule;
  id: number;
  opts: O;
  /** The positional arguments, the id first. */
  args: readonly string[];
}

/**
 * The action of `elf <kind> <verb> <id> …`: the id is checked before the database opens, so a bad
 * one changes nothing; then one step, whose result is printed (its JSON with --json, else `text`).
 */
export function itemAction<O, T>(
  cli: CliContext,
  step: (item: ItemStep<O>) => Promise<T>,
  text: (result: T, opts: O) => string,
) {
  return handler<O>(cli, async (opts, globals, command) => {
    const id = await positiveId(command.args[0]);
    const core = await import('@elf/core');
    await emitStep(
      cli,
      globals,
      (elf) => step({ elf, core, id, opts, args: command.args }),
      (result) => text(result, opts),
    );
  });
}
