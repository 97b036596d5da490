import { describe, expect, it } from 'vitest';
import { injectedText, sessionSteps } from './payloads.js';
import type { ScenarioSession } from './scenario.js';

const place = { sessionId: 'bench-x-1', cwd: '/work/shop', home: '/home/u' };

describe('sessionSteps', () => {
  const session: ScenarioSession = {
    role: 'learn',
    repo: 'shop',
    events: [
      { prompt: 'fix the migration' },
      { tool: 'Bash', input: { command: 'npm run migrate' }, error: 'Exit code 1\nerror: boom' },
      { tool: 'Bash', input: { command: 'npm test' }, output: 'ok' },
      {
        task: { agent: 'Explore', description: 'look around', prompt: 'find the cause' },
        result: '[LEARNED:database] Backfill first.',
      },
      { record: ['heuristic', '--domain', 'database', '--rule', 'Backfill first'] },
      { violate: 'it was wrong' },
    ],
  };
  const steps = sessionSteps(session, place);

  it('brackets the events with SessionStart and SessionEnd, and sends only what ELF subscribes to', () => {
    expect(steps.map((s) => (s.kind === 'hook' ? s.event : s.kind))).toEqual([
      'SessionStart',
      'UserPromptSubmit',
      'PostToolUseFailure',
      'PostToolUse',
      'PreToolUse',
      'SubagentStop',
      'PostToolUse',
      'cli',
      'violate',
      'SessionEnd',
    ]);
  });

  it('writes payloads in Claude Code’s shapes, each tied to its scenario event', () => {
    const hooks = steps.flatMap((s) => (s.kind === 'hook' ? [s] : []));
    for (const h of hooks) {
      expect(h.payload).toMatchObject({ session_id: 'bench-x-1', cwd: '/work/shop', hook_event_name: h.event });
    }
    const failure = hooks.find((h) => h.event === 'PostToolUseFailure');
    expect(failure?.payload).toMatchObject({
      tool_name: 'Bash',
      error: 'Exit code 1\nerror: boom',
      is_interrupt: false,
    });
    expect(failure?.eventIndex).toBe(1);
    const task = hooks.find((h) => h.event === 'PreToolUse');
    expect(task).toMatchObject({
      injects: true,
      taskPrompt: 'find the cause',
      payload: { tool_name: 'Task', tool_input: { subagent_type: 'Explore', prompt: 'find the cause' } },
    });
    const stop = hooks.find((h) => h.event === 'SubagentStop');
    expect(stop?.payload).toMatchObject({
      agent_type: 'Explore',
      last_assistant_message: '[LEARNED:database] Backfill first.',
    });
    expect(hooks.filter((h) => h.injects).map((h) => h.event)).toEqual([
      'SessionStart',
      'UserPromptSubmit',
      'PostToolUseFailure',
      'PreToolUse',
    ]);
    expect(steps.find((s) => s.kind === 'cli')).toEqual({
      kind: 'cli',
      args: ['record', 'heuristic', '--domain', 'database', '--rule', 'Backfill first'],
      eventIndex: 4,
    });
  });
});

describe('injectedText', () => {
  it('reads additionalContext, plain text, or what was put before a subagent’s prompt', () => {
    expect(injectedText('')).toBe('');
    expect(injectedText(JSON.stringify({ hookSpecificOutput: { additionalContext: 'ctx' } }))).toBe('ctx');
    expect(injectedText('plain words\n')).toBe('plain words');
    const updated = JSON.stringify({ hookSpecificOutput: { updatedInput: { prompt: 'KNOWLEDGE\n\nfind the cause' } } });
    expect(injectedText(updated, 'find the cause')).toBe('KNOWLEDGE\n\n');
    expect(injectedText(JSON.stringify({ continue: true }))).toBe('');
  });
});
