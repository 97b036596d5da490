import type { ContextBuilder } from '@elf/context';
import type { Elf, Logger } from '@elf/core';
import type { HookSettings } from '@elf/hooks';

/** What an MCP server needs from the app that runs it (packages never read the environment). */
export interface ElfMcpOptions {
  /** The open memory; each server works through its own view of it (its session and project). */
  elf: Elf;
  /** The server's version, as the app reports it (`initialize` tells the client). */
  version: string;
  /**
   * The session the client's outcomes count toward (once per heuristic per session, as the
   * hooks'). Default: one new session per server, i.e. per client connection.
   */
  sessionId?: string;
  /** Where the client works (absolute): its project's knowledge and scope come from here. */
  cwd: string;
  /**
   * Whether a client that reports exactly one workspace root (MCP roots) moves `cwd` there
   * (default true). False when the user named the project (`elf mcp --project`, `/mcp?cwd=`).
   */
  followRoots?: boolean;
  /** The user's home, for ELF's golden-rules block in user-level instruction files. */
  home?: string | null;
  /** A long-lived process shares one warm builder (the server); default: a builder per server. */
  contextBuilder?(elf: Elf): ContextBuilder;
  settings?: HookSettings;
  /**
   * Called before anything is recorded: the app may load the real tokenizer here so recorded
   * items carry their token counts, without paying for it at start.
   */
  beforeWrite?(): void | Promise<void>;
  /** Where a tool's unexpected failure is reported (the client gets a one-line tool error). */
  logger?: Logger;
}
