import { spawnSync } from 'node:child_process';
import type { RunManager, RunResult, ServiceIo } from './service-io.js';
import type { ManagerCommand, ServicePlatform } from './service-platform.js';

// Driving the service manager: whether it can be driven from here at all, running its commands
// in order, and printing them for the user where it cannot.

export const runManager: RunManager = (args) => {
  const result = spawnSync(args[0] as string, args.slice(1), { encoding: 'utf8', timeout: 30_000 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ...(result.error ? { error: (result.error as NodeJS.ErrnoException).code ?? result.error.message } : {}),
  };
};

/** A command as a user would type it (for dry runs and for the commands left to them). */
export const shellLine = (args: readonly string[]) =>
  args.map((a) => (/^[\w./:@%+=-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');

/** Why a command failed, in one line. */
const firstLine = (r: RunResult) =>
  (r.error ?? (r.stderr.trim() || r.stdout.trim()).split('\n')[0]) || `exit ${r.status ?? 'by signal'}`;

/** The commands, one indented line each. */
export const listed = (commands: readonly ManagerCommand[]) => commands.map((c) => `  ${shellLine(c.args)}\n`).join('');

/** Null when the manager can be driven, else why not (the user's override, or its own answer). */
export function managerRefusal(io: ServiceIo, platform: ServicePlatform, run: RunManager): string | null {
  const skip = io.env.ELF_SERVICE_NO_MANAGER?.trim();
  if (skip && skip !== '0') return 'ELF_SERVICE_NO_MANAGER is set';
  const probe = run(platform.usable);
  return probe.status === 0 && !probe.error ? null : `${shellLine(platform.usable)}: ${firstLine(probe)}`;
}

/** Runs the commands in order; the first unexpected failure ends it, as one line on stderr. */
export function runAll(io: ServiceIo, run: RunManager, commands: readonly ManagerCommand[]): boolean {
  for (const command of commands) {
    const result = run(command.args);
    if (result.status === 0 && !result.error) io.stdout(`ran: ${shellLine(command.args)}\n`);
    else if (command.mayFail) io.stdout(`ran: ${shellLine(command.args)} (${firstLine(result)}; nothing to stop)\n`);
    else {
      io.stderr(`elf-server: ${shellLine(command.args)} failed: ${firstLine(result)}\n`);
      return false;
    }
  }
  return true;
}
