import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { GlobalOptions } from './globals.js';

/** Shared by every command: the I/O and the command that is running (for error messages). */
export interface CliContext {
  io: Io;
  current: Command | undefined;
  /** Set by commands whose success has more than one outcome (health: 0 / 1 / 2). */
  exitCode?: number;
}

/**
 * Wraps a command's action: hands it its own options and the global ones, and remembers which
 * command runs so an error can name that command's flags. Errors propagate to runCli.
 */
export function handler<O>(cli: CliContext, run: (opts: O, globals: GlobalOptions, command: Command) => Promise<void>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    cli.current = command;
    await run(command.opts() as O, command.optsWithGlobals() as GlobalOptions, command);
  };
}
