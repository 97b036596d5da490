import type { ContextBuilder } from '@elf/context';
import type { AppliedOutcome, CapturedItem, Elf, InjectedItem, MaintainReport } from '@elf/core';

// Agent events as plain objects, whatever brought them: a command hook, an HTTP hook, an MCP call.
// A transport turns its own payload into these and renders the result in its own way.

/** The session an event belongs to. */
export interface AgentSession {
  sessionId: string;
  /** The absolute directory the agent works in: its project is found from here. */
  cwd: string;
  /** The agent's own record of the session, when it keeps one (read for [LEARNED] markers). */
  transcriptPath?: string | null;
}

/** What the loop takes from the process it runs in, passed by the app (packages never read the environment). */
export interface LoopEnvironment {
  /**
   * The user's home directory: user-level instruction files (~/.claude/CLAUDE.md) are read from
   * it. Without it only the project's are.
   */
  home?: string | null;
  /**
   * The context builder for an event's Elf. A long-lived process (the server) hands out builders
   * that share one cache of the corpus; without it each event builds with a fresh one.
   */
  contextBuilder?(elf: Elf): ContextBuilder;
}

/** Where a tool call went: a file read or written, a folder or pattern searched, a shell command. */
export interface TrailSpec {
  location: string;
  location_type: 'file' | 'command';
  scent: 'read' | 'write' | 'search' | 'exec';
  strength: number;
  message: string;
}

/** The new part of an agent's transcript: the main agent's own words since `offset`. */
export interface TranscriptSource {
  path: string;
  read(offset: number): { assistantText: string; offset: number; toolErrors?: Array<{ tool: string; error: string }> };
}

export interface SessionStartEvent {
  kind: 'session-start';
  /** startup, resume, clear or compact: after clear and compact the agent has lost what it was shown. */
  source: string | null;
}

export interface PromptEvent {
  kind: 'prompt';
  prompt: string;
}

export interface SubagentStartEvent {
  kind: 'subagent-start';
  /** What names this subagent until it stops (a tool-use id). */
  agentKey: string;
  agentType: string | null;
  description: string | null;
  task: string;
}

export interface ToolOutcomeEvent {
  kind: 'tool-outcome';
  tool: string;
  outcome: 'success' | 'failure' | 'interrupted';
  /** The error text of a failure. */
  error?: string | null;
  /** Where a successful call went. */
  trail?: TrailSpec | null;
  /** One line: what the tool was asked to do. */
  summary?: string | null;
  /** When the tool ran a subagent: its key, its task's description, and what it answered. */
  subagent?: { agentKey: string | null; description: string | null; output: string } | null;
}

export interface SubagentStopEvent {
  kind: 'subagent-stop';
  /** The subagent's type: the oldest open subagent of this type is the one that stopped. */
  agentType: string;
  message: string;
}

export interface PreCompactEvent {
  kind: 'pre-compact';
  trigger: string | null;
  transcript: TranscriptSource | null;
}

export interface SessionEndEvent {
  kind: 'session-end';
  reason: string | null;
  transcript: TranscriptSource | null;
}

export type AgentEvent =
  | SessionStartEvent
  | PromptEvent
  | SubagentStartEvent
  | ToolOutcomeEvent
  | SubagentStopEvent
  | PreCompactEvent
  | SessionEndEvent;

/** What an event recorded: enough for a transport to log it and for tests to check it. */
export interface Recorded {
  /** Items shown to the agent that the session now remembers (never shown again). */
  injected: InjectedItem[];
  /** Heuristics given to a subagent, settled when it stops. */
  consulted: number[];
  /** Confidence changes of heuristics a subagent was given. */
  settled: AppliedOutcome[];
  /** Failures and [LEARNED] markers that became knowledge. */
  captured: CapturedItem[];
  /** Dormant heuristics the task matched strongly enough to offer again. */
  revived: AppliedOutcome[];
  trail: boolean;
  /** The daily lifecycle pass, when a session end ran it. */
  maintenance: MaintainReport | null;
}

export interface EventResult {
  /** Text for the agent's context, or null: nothing to add. */
  context: string | null;
  recorded: Recorded;
  /** Things worth a line in a log (never shown to the agent). */
  notes: string[];
}
