import { describe, expect, it } from 'vitest';
import { fitText, maxContextChars, renderHookOutput } from './render.js';

const result = (context: string | null) => ({
  context,
  recorded: { injected: [], consulted: [], settled: [], captured: [], revived: [], trail: false, maintenance: null },
  notes: [],
});

describe('answers to Claude Code', () => {
  it('carry the context as hookSpecificOutput.additionalContext, or nothing', () => {
    expect(JSON.parse(renderHookOutput('UserPromptSubmit', result('## Hi\n')) as string)).toEqual({
      hookSpecificOutput: { hookEventName: 'UserPromptSubmit', additionalContext: '## Hi\n' },
    });
    expect(renderHookOutput('SessionStart', result(null))).toBeNull();
  });

  it('stay within the size Claude Code keeps whole, cut at a line', () => {
    const long = Array.from({ length: 400 }, (_, i) => `- line ${i} ${'x'.repeat(30)}`).join('\n');
    const cut = fitText(long);
    expect(cut.length).toBeLessThanOrEqual(maxContextChars);
    expect(cut.endsWith('\n…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -2))).toBe(true);
    expect(fitText('short')).toBe('short');
  });
});

describe('a subagent tool’s PreToolUse', () => {
  const result = {
    context: 'ELF knowledge for this task:\n\n- Lock rows in id order',
    notes: [],
    recorded: {},
  } as never;

  it('puts the knowledge in front of the subagent’s prompt, keeping every other input field, without deciding permissions', () => {
    const input = { description: 'Fix it', prompt: 'Find the deadlock.', subagent_type: 'general-purpose', model: 'x' };
    const output = JSON.parse(renderHookOutput('PreToolUse', result, input) as string);
    expect(output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        updatedInput: {
          ...input,
          prompt: 'ELF knowledge for this task:\n\n- Lock rows in id order\n\n---\n\nFind the deadlock.',
        },
      },
    });
  });

  it('falls back to additionalContext when the input has no prompt to extend', () => {
    const output = JSON.parse(renderHookOutput('PreToolUse', result, { description: 'x' }) as string);
    expect(output.hookSpecificOutput).toEqual({ hookEventName: 'PreToolUse', additionalContext: expect.any(String) });
    expect(
      renderHookOutput('PreToolUse', { ...(result as object), context: null } as never, { prompt: 'p' }),
    ).toBeNull();
  });
});
