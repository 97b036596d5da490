import type { Elf } from '@elf/core';
import { type Command, Option } from 'commander';
import { emitStep } from '../../runtime/emit-step.js';
import { type CliContext, handler } from '../../runtime/handler.js';

/**
 * A flag that fills one field of core's input: the field, then commander's flags, help and
 * default. NoInfer: the input type comes from `record`, and the field names are checked against it.
 */
export type FieldFlag<I> = readonly [
  field: NoInfer<keyof I & string>,
  flags: string,
  description: string,
  defaultValue?: string,
];

export interface RecordSubcommand<I, T, O> {
  name: string;
  description: string;
  /** Every record command lists its required flags first, in help and here. */
  required: ReadonlyArray<FieldFlag<I>>;
  optional: ReadonlyArray<FieldFlag<I>>;
  /**
   * Flags that fill no field as they stand (heuristic's --global, --force): `record` reads them.
   * A switch may name another it cannot be used with (commander refuses the pair in one line).
   */
  switches?: ReadonlyArray<readonly [flags: string, description: string, conflictsWith?: string]>;
  /**
   * Records the item; what it returns is printed (as JSON with --json, else as `text`). Annotate
   * its parameters (`elf: Elf, input: RecordXInput`): that is where the input type comes from.
   */
  record(elf: Elf, input: I, opts: O): Promise<T>;
  text(recorded: T): string;
  /** Loading the tokenizer costs ~200 ms: only items the context packer budgets need a count. */
  countTokens: boolean;
}

/**
 * `elf record <kind> --flag …`, for every kind: each flag fills the core field it names (an
 * optional flag left out as null), the item is recorded in one step and printed.
 */
export function recordSubcommand<I, T, O = Record<string, never>>(spec: RecordSubcommand<I, T, O>) {
  return (record: Command, cli: CliContext): void => {
    const command = record.command(spec.name).description(spec.description);
    const fields: Array<[field: string, attribute: string]> = [];
    for (const [mandatory, rows] of [
      [true, spec.required],
      [false, spec.optional],
    ] as const) {
      for (const [field, flags, description, defaultValue] of rows) {
        const option = command.createOption(flags, description).makeOptionMandatory(mandatory).default(defaultValue);
        command.addOption(option);
        fields.push([field, option.attributeName()]);
      }
    }
    for (const [flags, description, conflictsWith] of spec.switches ?? []) {
      const option = new Option(flags, description);
      command.addOption(conflictsWith ? option.conflicts(conflictsWith) : option);
    }
    command.action(
      handler<Record<string, unknown> & O>(cli, async (opts, globals) => {
        // Commander has refused a missing required flag by now, so the fields I needs are here.
        const input = Object.fromEntries(fields.map(([field, attribute]) => [field, opts[attribute] ?? null])) as I;
        await emitStep(cli, globals, (elf) => spec.record(elf, input, opts), spec.text, {
          countTokens: spec.countTokens,
        });
      }),
    );
  };
}
