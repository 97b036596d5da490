import type { ContextBuilder } from '@elf/context';
import type { Elf } from '@elf/core';
import type { AgentSession } from '../events.js';
import { handleEvent } from '../handle-event.js';
import { defaultHookSettings, type HookSettings } from '../settings.js';
import { parsePayload } from './payload.js';
import { renderHookOutput } from './render.js';
import { handlesEvent, toAgentEvent } from './to-event.js';

export interface ClaudeCodeHookOptions {
  /** The directory to use when the payload carries no absolute cwd (a command hook's own). */
  cwd: string;
  /** Opens the memory for one event; the transport decides which database, how long to wait for it, the clock. */
  open(session: AgentSession, agentId: string): Promise<Elf>;
  settings?: HookSettings;
  /** The user's home: its ~/.claude/CLAUDE.md is one of the instruction files the loop reads. */
  home?: string | null;
  /** Where troubles and notes go: never to the agent. */
  log?(line: string): void;
  /** See LoopEnvironment.contextBuilder: a long-lived transport shares one builder's cache. */
  contextBuilder?(elf: Elf): ContextBuilder;
}

/**
 * One Claude Code hook, whatever carried it: the payload's JSON in, the answer's JSON out (null:
 * nothing to add). It never throws: bad JSON, an event ELF does not handle, a missing, locked or
 * read-only database, a full disk — each becomes a line in the log, and the agent carries on.
 */
export async function runClaudeCodeHook(text: string, options: ClaudeCodeHookOptions): Promise<string | null> {
  const log = options.log ?? (() => undefined);
  let name = 'unknown';
  try {
    const payload = parsePayload(text);
    if (!payload) {
      log(`ignored: not a hook event (${text.length} bytes: ${JSON.stringify(text.slice(0, 80))})`);
      return null;
    }
    name = payload.event;
    if (!handlesEvent(name)) {
      log(`ignored: unhandled event ${name}`);
      return null;
    }
    const { session, agentId, event } = toAgentEvent(payload, options.cwd);
    if (!event) return null;
    const elf = await options.open(session, agentId);
    try {
      const result = await handleEvent(elf, session, event, options.settings ?? defaultHookSettings, {
        home: options.home ?? null,
        ...(options.contextBuilder ? { contextBuilder: options.contextBuilder } : {}),
      });
      for (const note of result.notes) log(`${name}: ${note}`);
      const input = payload.raw.tool_input;
      const toolInput =
        event.kind === 'subagent-start' && input && typeof input === 'object' && !Array.isArray(input)
          ? (input as Record<string, unknown>)
          : null;
      return renderHookOutput(name, result, toolInput);
    } finally {
      await elf.close();
    }
  } catch (error) {
    log(`${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return null;
  }
}
