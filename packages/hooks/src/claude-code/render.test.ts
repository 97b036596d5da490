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
