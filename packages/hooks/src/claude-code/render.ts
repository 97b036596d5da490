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

/** The answer to a Claude Code hook: the context to add as hookSpecificOutput, or null for none. */
export function renderHookOutput(event: string, result: EventResult): string | null {
  return result.context === null ? null : contextOutput(event, result.context);
}
