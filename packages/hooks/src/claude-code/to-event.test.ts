import { describe, expect, it } from 'vitest';
import { parsePayload } from './payload.js';
import { toAgentEvent } from './to-event.js';

const base = { session_id: 's1', transcript_path: '/t/s1.jsonl', cwd: '/work/shop' };
const of = (fields: Record<string, unknown>, cwd = '/somewhere') => {
  const payload = parsePayload(JSON.stringify({ ...base, ...fields }));
  if (!payload) throw new Error('not a payload');
  return toAgentEvent(payload, cwd);
};

describe('Claude Code payloads as agent events', () => {
  it('keep the session, and fall back to the process cwd for a relative one', () => {
    expect(of({ hook_event_name: 'SessionStart', source: 'compact' })).toEqual({
      name: 'SessionStart',
      agentId: 'claude-main',
      session: { sessionId: 's1', cwd: '/work/shop', transcriptPath: '/t/s1.jsonl' },
      event: { kind: 'session-start', source: 'compact' },
    });
    const relative = of(
      { hook_event_name: 'UserPromptSubmit', prompt: 'hi', cwd: 'shop', agent_id: 'a-7' },
      '/proc/cwd',
    );
    expect(relative.session.cwd).toBe('/proc/cwd');
    expect(relative.agentId).toBe('a-7');
    expect(relative.event).toEqual({ kind: 'prompt', prompt: 'hi' });
  });

  it('leave a subagent launched in the background to SubagentStop: PostToolUse brings no answer yet', () => {
    const launched = of({
      hook_event_name: 'PostToolUse',
      tool_name: 'Agent',
      tool_use_id: 'toolu_1',
      tool_input: { description: 'Investigate', prompt: 'why?', subagent_type: 'general-purpose' },
      tool_response: { isAsync: true, status: 'async_launched', agentId: 'a1', description: 'Investigate' },
    });
    expect(launched.event).toMatchObject({ kind: 'tool-outcome', tool: 'Agent', outcome: 'success', subagent: null });
    const answered = of({
      hook_event_name: 'PostToolUse',
      tool_name: 'Agent',
      tool_use_id: 'toolu_2',
      tool_input: { description: 'Investigate', prompt: 'why?' },
      tool_response: { content: [{ type: 'text', text: 'Fixed it.' }] },
    });
    expect(answered.event).toMatchObject({ subagent: { agentKey: 'toolu_2', output: 'Fixed it.' } });
  });

  it('ignore the prompts Claude Code writes itself when a background subagent finishes', () => {
    const notification =
      '<task-notification>\n<task-id>a8</task-id>\n<status>completed</status>\n<result>done [LEARNED:x] y</result>\n</task-notification>';
    expect(of({ hook_event_name: 'UserPromptSubmit', prompt: notification }).event).toBeNull();
    expect(of({ hook_event_name: 'UserPromptSubmit', prompt: 'what does <task-notification> mean?' }).event).toEqual({
      kind: 'prompt',
      prompt: 'what does <task-notification> mean?',
    });
  });

  it('turn a subagent tool’s PreToolUse into its task, and leave other tools alone', () => {
    const input = { description: 'Fix it', prompt: 'fix the flaky test', subagent_type: 'Explore' };
    expect(
      of({ hook_event_name: 'PreToolUse', tool_name: 'Agent', tool_input: input, tool_use_id: 'tu1' }).event,
    ).toEqual({
      kind: 'subagent-start',
      agentKey: 'tu1',
      agentType: 'Explore',
      description: 'Fix it',
      task: 'Fix it\nfix the flaky test',
    });
    expect(of({ hook_event_name: 'PreToolUse', tool_name: 'Task', tool_input: { prompt: 'x' } }).event).toMatchObject({
      agentKey: 'task:unnamed',
      description: null,
    });
    expect(of({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } }).event).toBeNull();
    expect(of({ hook_event_name: 'PreToolUse', tool_name: 'Task', tool_input: {} }).event).toBeNull();
  });

  it('read a PostToolUse: a trail relative to the checkout, an in-band Bash failure, a subagent’s answer', () => {
    const read = of({ hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: { file_path: '/x/src/a.ts' } });
    expect(read.event).toMatchObject({ kind: 'tool-outcome', tool: 'Read', outcome: 'success', error: null });
    expect(read.event).toHaveProperty('trail.location', '/x/src/a.ts');
    const bash = of({
      hook_event_name: 'PostToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'npm test' },
      tool_response: { stdout: '', stderr: 'FAIL orders', exit_code: 1 },
    });
    expect(bash.event).toMatchObject({ outcome: 'failure', error: '\nFAIL orders', summary: 'Bash: npm test' });
    const task = of({
      hook_event_name: 'PostToolUse',
      tool_name: 'Task',
      tool_input: { description: 'Fix it' },
      tool_response: { content: [{ type: 'text', text: 'Done.' }] },
      tool_use_id: 'tu1',
    });
    expect(task.event).toMatchObject({ subagent: { agentKey: 'tu1', description: 'Fix it', output: 'Done.' } });
  });

  it('read a PostToolUseFailure: its error, or an interrupt', () => {
    const failure = of({
      hook_event_name: 'PostToolUseFailure',
      tool_name: 'Bash',
      tool_input: { command: 'psql -f m.sql' },
      error: 'Exit code 1\npsql: error',
    });
    expect(failure.event).toEqual({
      kind: 'tool-outcome',
      tool: 'Bash',
      outcome: 'failure',
      error: 'Exit code 1\npsql: error',
      summary: 'Bash: psql -f m.sql',
      subagent: null,
    });
    expect(of({ hook_event_name: 'PostToolUseFailure', is_interrupt: true }).event).toMatchObject({
      tool: 'tool',
      outcome: 'interrupted',
    });
  });

  it('read SubagentStop, PreCompact and SessionEnd; ignore what ELF does not handle', () => {
    expect(of({ hook_event_name: 'SubagentStop', last_assistant_message: 'ok' }).event).toEqual({
      kind: 'subagent-stop',
      agentType: 'unknown',
      message: 'ok',
    });
    expect(of({ hook_event_name: 'SubagentStop' }).event).toBeNull();
    expect(of({ hook_event_name: 'PreCompact', trigger: 'manual' }).event).toMatchObject({
      kind: 'pre-compact',
      trigger: 'manual',
      transcript: { path: '/t/s1.jsonl' },
    });
    expect(of({ hook_event_name: 'SessionEnd', reason: 'clear', transcript_path: null }).event).toEqual({
      kind: 'session-end',
      reason: 'clear',
      transcript: null,
    });
    expect(of({ hook_event_name: 'Notification' }).event).toBeNull();
    expect(of({ hook_event_name: 'toString' }).event).toBeNull();
  });
});
