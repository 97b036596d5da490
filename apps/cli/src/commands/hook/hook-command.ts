import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveDatabasePath } from '../../runtime/database-path.js';
import type { GlobalOptions } from '../../runtime/globals.js';
import type { CliContext } from '../../runtime/handler.js';
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

interface HookFlags {
  sessionStartTokens: string;
  promptTokens: string;
  taskTokens: string;
  promptMinScore: string;
}

function number(value: string, fallback: number, min: number, max: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

function logDir(cli: CliContext): string {
  const home = cli.io.env.ELF_HOME?.trim();
  const base = home ? (isAbsolute(home) ? home : resolve(cli.io.cwd, home)) : join(cli.io.homedir || homedir(), '.elf');
  return join(base, 'logs');
}

/**
 * `elf hook`: the one entry point for every Claude Code hook event. Reads the event JSON on
 * stdin, does its work, prints at most one JSON answer, and always exits 0: whatever goes wrong
 * (bad JSON, unknown event, a missing, locked or read-only database, a full disk) is written to
 * $ELF_HOME/logs/hook.log and the agent carries on.
 */
export function registerHookCommand(program: Command, cli: CliContext): void {
  program
    .command('hook')
    .description('handle one Claude Code hook event (JSON on stdin); installed by `elf hooks install`')
    .option('--session-start-tokens <n>', 'token budget of the SessionStart context', '1500')
    .option('--prompt-tokens <n>', 'token budget of the context added to a prompt', '800')
    .option('--task-tokens <n>', 'token budget of the knowledge given with a subagent task', '600')
    .option('--prompt-min-score <x>', 'relevance (0..1) an item needs to be added to a prompt', '0.3')
    .action(async (flags: HookFlags, command: Command) => {
      cli.exitCode = 0;
      const log = (message: string) => logHookLine(logDir(cli), message);
      const options: HookOptions = {
        sessionStartTokens: number(flags.sessionStartTokens, 1500, 100, 10_000),
        promptTokens: number(flags.promptTokens, 800, 100, 10_000),
        taskTokens: number(flags.taskTokens, 600, 100, 10_000),
        promptMinScore: number(flags.promptMinScore, 0.3, 0, 1),
      };
      let event = 'unknown';
      try {
        const text = await cli.io.readStdin(maxPayloadBytes, 2000);
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
        const globals = command.optsWithGlobals() as GlobalOptions;
        const cwd = payload.cwd && isAbsolute(payload.cwd) ? payload.cwd : cli.io.cwd;
        const { Elf, resolveCheckoutRoot, resolveProjectRoot } = await import('@elf/core');
        const elf = await Elf.open({
          path: resolveDatabasePath(globals, cli.io),
          cwd,
          create: false,
          busyTimeoutMs: hookBusyTimeoutMs,
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
          if (output) cli.io.stdout(`${output}\n`);
        } finally {
          await elf.close();
        }
      } catch (error) {
        log(`${event}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
    });
}
