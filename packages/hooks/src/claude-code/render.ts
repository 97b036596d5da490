import type { EventResult } from '../events.js';

/** Claude Code keeps injections of up to about 10,000 characters whole: stay well inside. */
export const maxContextChars = 9_000;

/** Cuts text to `max` characters at a line boundary. */
export function fitText(text: string, max = maxContextChars): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 2);
  const line = cut.lastIndexOf('\n');
  return `${line > max / 2 ? cut.slice(0, line) : cut}\n…`;
}

/** The one supported way to add model-visible context: hookSpecificOutput.additionalContext. */
export function contextOutput(event: string, text: string): string {
  return JSON.stringify({ hookSpecificOutput: { hookEventName: event, additionalContext: fitText(text) } });
}

/**
 * What a subagent is given: its tool input with ELF's knowledge in front of its prompt, returned
 * as PreToolUse's `updatedInput`. Claude Code delivers a PreToolUse `additionalContext` to the
 * main agent's next request, never to the subagent's own (seen with the real client, 2.1.328);
 * `updatedInput` without a `permissionDecision` changes the input and leaves permissions as they are.
 */
export function subagentInputOutput(toolInput: Record<string, unknown>, text: string): string | null {
  const prompt = toolInput.prompt;
  if (typeof prompt !== 'string') return null;
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      updatedInput: { ...toolInput, prompt: `${fitText(text)}\n\n---\n\n${prompt}` },
    },
  });
}

/**
 * The answer to a Claude Code hook: the context to add as hookSpecificOutput, or null for none.
 * For a subagent tool's PreToolUse (`toolInput` given), the knowledge goes into the subagent's prompt.
 */
export function renderHookOutput(
  event: string,
  result: EventResult,
  toolInput?: Record<string, unknown> | null,
): string | null {
  if (result.context === null) return null;
  if (event === 'PreToolUse' && toolInput)
    return subagentInputOutput(toolInput, result.context) ?? contextOutput(event, result.context);
  return contextOutput(event, result.context);
}
