// The hook bundle's entry (dist/hook.cjs): what every agent event runs, kept free of the
// command framework and of commands it never needs. bin.ts loads it for `elf hook`.

import { runHookCli } from './commands/hook/hook-cli.js';
import { processIo } from './process-io.js';

export function runCli(argv: readonly string[]): Promise<number> {
  return runHookCli(argv, processIo());
}

export { runHookCli };
