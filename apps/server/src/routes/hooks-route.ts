import { hookSettings, runClaudeCodeHook } from '@elf/hooks';
import type { Hono } from 'hono';
import { serial } from '../http/serial.js';
import type { ServerContext } from '../server-context.js';

/** How long an event that only asks for context may wait behind others before it is answered empty (ServerContext.lateAfterMs overrides). */
export const lateAfterMs = 2000;

/** A prompt or a subagent's start: what it would get is context; skipping it loses no record. */
function contextOnly(text: string): boolean {
  try {
    const name = (JSON.parse(text) as { hook_event_name?: unknown }).hook_event_name;
    return name === 'UserPromptSubmit' || name === 'PreToolUse';
  } catch {
    return false;
  }
}

/**
 * Claude Code's `type: "http"` hooks: the payload the command hook reads on stdin arrives as the
 * body, and the answer is what it would print. The same handlers run (runClaudeCodeHook), over the
 * server's open database: each event sees it through a view scoped to its session and project, and
 * its contexts come from the one builder whose cache is already warm. Fail-open as the command hook
 * is: whatever goes wrong is a line in the log and an empty 200 (nothing to add); an event ELF does
 * not handle gets the same, so a Stop hook never keeps the agent going.
 */
export function hooksRoute(app: Hono, server: ServerContext): void {
  const inTurn = serial();
  app.post('/hooks/claude-code', async (c) => {
    const text = await c.req.text();
    // The command hook's flags, as query parameters: /hooks/claude-code?prompt-tokens=800
    const q = (name: string) => c.req.query(name);
    let settings: ReturnType<typeof hookSettings>;
    try {
      settings = hookSettings({
        sessionStartTokens: q('session-start-tokens'),
        promptTokens: q('prompt-tokens'),
        taskTokens: q('task-tokens'),
        failureTokens: q('failure-tokens'),
        promptMinScore: q('prompt-min-score'),
      });
    } catch (error) {
      server.log(`hook ignored: ${error instanceof Error ? error.message : String(error)}`);
      return c.body(null, 200);
    }
    const queued = performance.now();
    const output = await inTurn(async () => {
      // Overloaded (a queue of events behind a busy CPU): a context that comes this late is worth
      // less than the agent's time, so it gets none. Events that record something still run.
      const waited = performance.now() - queued;
      if (waited > (server.lateAfterMs ?? lateAfterMs) && contextOnly(text)) {
        server.log(`hook skipped: waited ${Math.round(waited)} ms behind other events`);
        return null;
      }
      return runClaudeCodeHook(text, {
        // An http hook has no working directory of its own: the payload's cwd is the one that counts.
        cwd: server.cwd,
        settings,
        home: server.userHome,
        log: (line) => server.log(`hook ${line}`),
        open: async (session, agentId) =>
          server.elf.scoped({ cwd: session.cwd, sessionId: session.sessionId, agentId }),
        contextBuilder: (elf) => server.builder.forView(elf),
      });
    });
    if (output === null) return c.body(null, 200);
    return c.body(output, 200, { 'content-type': 'application/json' });
  });
}
