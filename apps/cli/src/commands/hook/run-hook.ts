import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { HookSettings } from '@elf/hooks';
import type { Io } from '../../io.js';
import { logHookLine } from './hook-log.js';

/** How long a hook waits for another process's write lock before giving up (fail open). */
const hookBusyTimeoutMs = 1500;
const maxPayloadBytes = 16 * 1_048_576;

/** `$ELF_HOME/logs` (ELF_HOME defaulting to ~/.elf). */
export function hookLogDir(io: Pick<Io, 'env' | 'cwd' | 'homedir'>): string {
  const home = io.env.ELF_HOME?.trim();
  const base = home ? (isAbsolute(home) ? home : resolve(io.cwd, home)) : join(io.homedir || homedir(), '.elf');
  return join(base, 'logs');
}

/**
 * The process side of one Claude Code hook: stdin in, at most one JSON answer on stdout, troubles
 * in $ELF_HOME/logs/hook.log. What to inject and what to learn is @elf/hooks'; like it, this never
 * throws, so `elf hook` always exits 0 and never stands in the agent's way.
 */
export async function runHook(io: Io, dbPath: string, settings: HookSettings): Promise<void> {
  const log = (message: string) => logHookLine(hookLogDir(io), message);
  try {
    const text = await io.readStdin(maxPayloadBytes, 2000);
    const [{ Elf }, { runClaudeCodeHook }] = await Promise.all([import('@elf/core'), import('@elf/hooks')]);
    const output = await runClaudeCodeHook(text, {
      cwd: io.cwd,
      settings,
      // Where ~/.claude/CLAUDE.md is: golden rules already in ELF's block there are not injected again.
      home: io.homedir || null,
      log,
      open: (session, agentId) =>
        Elf.open({
          path: dbPath,
          cwd: session.cwd,
          create: false,
          busyTimeoutMs: hookBusyTimeoutMs,
          ...(io.clock ? { clock: io.clock } : {}),
          sessionId: session.sessionId,
          agentId,
        }),
    });
    if (output) io.stdout(`${output}\n`);
  } catch (error) {
    log(`unknown: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}
