/**
 * The Claude Code events ELF handles, with their matchers: exactly one ELF handler each. Tool
 * events name the tools whose calls matter (a trail, a failure, a subagent), so other tools (MCP
 * servers, web fetches) never start an `elf` process. Single source of truth for
 * `elf hooks install` and the plugin's hooks/hooks.json (a test keeps them equal).
 */
export const elfHookEvents: ReadonlyArray<{ event: string; matcher?: string }> = [
  { event: 'SessionStart' },
  { event: 'UserPromptSubmit' },
  { event: 'PreToolUse', matcher: 'Task|Agent' },
  { event: 'PostToolUse', matcher: 'Read|Edit|Write|MultiEdit|NotebookEdit|Glob|Grep|Bash|Task|Agent' },
  { event: 'PostToolUseFailure' },
  { event: 'SubagentStop' },
  { event: 'PreCompact' },
  { event: 'SessionEnd' },
];

/** Seconds Claude Code waits for a handler (its default is 60; ours finish in a fraction of one). */
export const elfHookTimeout = 10;
