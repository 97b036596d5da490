import { realpathSync } from 'node:fs';
import type { Io } from '../../io.js';
import { readConfigText, writeConfigText } from '../../runtime/config-file.js';
import { changeHunk } from './change-hunk.js';
import type { ServerCommand } from './mcp-entry.js';
import type { Plan } from './mcp-plan.js';
import { invalidFile, type McpEditOptions, resolveTarget, type Target } from './mcp-target.js';

export interface EditOutcome<A> {
  target: Target;
  plan: Plan<A>;
  changed: boolean;
  backup: string | null;
  /** The change as one hunk (empty when nothing changes). */
  diff: string;
}

/** This installation's node and CLI launcher, resolved, as `elf hooks install` names them. */
export function thisElf(): { node: string; bin: string } {
  return { node: process.execPath, bin: process.argv[1] ? realpathSync(process.argv[1]) : '' };
}

/** A server command line for messages. */
export const commandLine = (server: ServerCommand) => [server.command, ...server.args].join(' ');

/**
 * What install and uninstall share: check the flags, read the file, plan the edit (a refusal
 * changes nothing), and unless --dry-run write a changed file, keeping the previous one.
 */
export async function editClientConfig<A>(
  io: Io,
  opts: McpEditOptions,
  plan: (target: Target, text: string | null) => Plan<A>,
): Promise<EditOutcome<A>> {
  const target = await resolveTarget(io, opts);
  let text: string | null;
  let planned: Plan<A>;
  try {
    text = readConfigText(target.file);
    planned = plan(target, text);
  } catch (error) {
    throw await invalidFile(target.file, error);
  }
  const changed = text === null ? planned.next !== '' : planned.next !== text;
  let backup: string | null = null;
  if (changed && !opts.dryRun) {
    try {
      backup = writeConfigText(target.file, text !== null, planned.next, io.clock?.now() ?? new Date());
    } catch (error) {
      throw await invalidFile(target.file, new Error(`cannot be written: ${(error as Error).message}`));
    }
  }
  return { target, plan: planned, changed, backup, diff: changed ? changeHunk(text ?? '', planned.next) : '' };
}
