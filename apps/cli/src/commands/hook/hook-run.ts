import type { Elf } from '@elf/core';
import type { HookPayload } from './hook-payload.js';

/** Budgets and thresholds of the hook, from its flags (see hook-command.ts). */
export interface HookOptions {
  sessionStartTokens: number;
  promptTokens: number;
  taskTokens: number;
  /** A prompt gets context only from items at least this relevant (0..1). */
  promptMinScore: number;
}

/** One hook invocation: the open database, the event, and the project it happens in. */
export interface HookRun {
  elf: Elf;
  payload: HookPayload;
  /** The project root (main worktree for worktrees), or the session's cwd outside any project. */
  project: string;
  /** The checkout the session works in (a linked worktree's own root): paths are stored relative to it. */
  checkout: string;
  options: HookOptions;
  log: (message: string) => void;
}
