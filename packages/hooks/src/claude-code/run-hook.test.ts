import { describe, expect, it } from 'vitest';
import { runClaudeCodeHook } from './run-hook.js';

// What a transport can rely on: whatever it is given, an answer or null, and a line in its log.

const session = { session_id: 's1', cwd: '/work/shop' };

async function run(text: string, open: () => Promise<never> = () => Promise.reject(new Error('no database'))) {
  const lines: string[] = [];
  let opened = 0;
  const output = await runClaudeCodeHook(text, {
    cwd: '/work/shop',
    log: (line) => lines.push(line),
    open: () => {
      opened++;
      return open();
    },
  });
  return { output, lines, opened };
}

describe('runClaudeCodeHook', () => {
  it('ignores what is not a hook event, and events ELF does not handle, without opening the memory', async () => {
    expect(await run('{"session_id": ')).toEqual({
      output: null,
      lines: ['ignored: not a hook event (15 bytes: "{\\"session_id\\": ")'],
      opened: 0,
    });
    expect(await run(JSON.stringify({ ...session, hook_event_name: 'Stop' }))).toEqual({
      output: null,
      lines: ['ignored: unhandled event Stop'],
      opened: 0,
    });
    const bash = { ...session, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } };
    expect(await run(JSON.stringify(bash))).toEqual({ output: null, lines: [], opened: 0 });
  });

  it('fails open: a memory that cannot be opened is a log line naming the event, and no answer', async () => {
    const prompt = JSON.stringify({ ...session, hook_event_name: 'UserPromptSubmit', prompt: 'fix the login' });
    expect(await run(prompt)).toEqual({ output: null, lines: ['UserPromptSubmit: Error: no database'], opened: 1 });
  });
});
