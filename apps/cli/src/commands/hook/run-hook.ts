import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Io } from '../../io.js';
import { postToolUse } from './events/post-tool-use.js';
import { postToolUseFailure } from './events/post-tool-use-failure.js';
import { preToolUse } from './events/pre-tool-use.js';
import { sessionCheckpoint } from './events/session-end.js';
import { sessionStart } from './events/session-start.js';
import { subagentStop } from './events/subagent-stop.js';
import { userPromptSubmit } from './events/user-prompt-submit.js';
import { logHookLine } from './hook-log.js';
import { parsePayload } from './hook-payload.js';
import type { HookOptions, HookRun } from './hook-run.js';

// A Map, not an object: an event named "toString" must not find Object.prototype.toString.
const handlers = new Map<string, (run: HookRun) => Promise<string | null>>([
  ['SessionStart', sessionStart],
  ['UserPromptSubmit', userPromptSubmit],
  ['PreToolUse', preToolUse],
  ['PostToolUse', postToolUse],
  ['PostToolUseFailure', postToolUseFailure],
  ['SubagentStop', subagentStop],
  ['PreCompact', sessionCheckpoint],
  ['SessionEnd', sessionCheckpoint],
]);

/** How long a hook waits for another process's write lock before giving up (fail open). */
const hookBusyTimeoutMs = 1500;
const maxPayloadBytes = 16 * 1_048_576;

export const defaultHookOptions: HookOptions = {
  sessionStartTokens: 1500,
  promptTokens: 800,
  taskTokens: 600,
  promptMinScore: 0.3,
};

/** `$ELF_HOME/logs` (ELF_HOME defaulting to ~/.elf). */
export function hookLogDir(io: Pick<Io, 'env' | 'cwd' | 'homedir'>): string {
  const home = io.env.ELF_HOME?.trim();
  const base = home ? (isAbsolute(home) ? home : resolve(io.cwd, home)) : join(io.homedir || homedir(), '.elf');
  return join(base, 'logs');
}

/**
 * One hook event: reads the event JSON on stdin, does its work, prints at most one JSON answer,
 * and never throws: whatever goes wrong (bad JSON, unknown event, a missing, locked or read-only
 * database, a full disk) is written to $ELF_HOME/logs/hook.log and the agent carries on.
 */
export async function runHook(io: Io, dbPath: string, options: HookOptions): Promise<void> {
  const log = (message: string) => logHookLine(hookLogDir(io), message);
  let event = 'unknown';
  try {
    const text = await io.readStdin(maxPayloadBytes, 2000);
    const payload = parsePayload(text);
    if (!payload) {
      log(`ignored: not a hook event (${text.length} bytes: ${JSON.stringify(text.slice(0, 80))})`);
      return;
    }
    event = payload.event;
    const handle = handlers.get(payload.event);
    if (!handle) {
      log(`ignored: unhandled event ${payload.event}`);
      return;
    }
    const cwd = payload.cwd && isAbsolute(payload.cwd) ? payload.cwd : io.cwd;
    const { Elf, resolveCheckoutRoot, resolveProjectRoot } = await import('@elf/core');
    const elf = await Elf.open({
      path: dbPath,
      cwd,
      create: false,
      busyTimeoutMs: hookBusyTimeoutMs,
      ...(io.clock ? { clock: io.clock } : {}),
      sessionId: payload.sessionId,
      agentId: typeof payload.raw.agent_id === 'string' ? payload.raw.agent_id.slice(0, 200) : 'claude-main',
    });
    try {
      const output = await handle({
        elf,
        payload,
        project: resolveProjectRoot(cwd),
        checkout: resolveCheckoutRoot(cwd),
        options,
        log,
      });
      if (output) io.stdout(`${output}\n`);
    } finally {
      await elf.close();
    }
  } catch (error) {
    log(`${event}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

/** A numeric flag within bounds, else its default: a hook never refuses to run over a flag. */
export function hookNumber(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

export function hookOptionsFrom(flags: Partial<Record<keyof HookOptions, unknown>>): HookOptions {
  const d = defaultHookOptions;
  return {
    sessionStartTokens: hookNumber(flags.sessionStartTokens, d.sessionStartTokens, 100, 10_000),
    promptTokens: hookNumber(flags.promptTokens, d.promptTokens, 100, 10_000),
    taskTokens: hookNumber(flags.taskTokens, d.taskTokens, 100, 10_000),
    promptMinScore: hookNumber(flags.promptMinScore, d.promptMinScore, 0, 1),
  };
}
