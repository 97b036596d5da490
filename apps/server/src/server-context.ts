import type { ContextBuilder } from '@elf/context';
import type { Elf } from '@elf/core';
import type { ChangeFeed } from './feed/change-feed.js';
import type { TtlCache } from './feed/ttl-cache.js';
import type { McpSessionLimits } from './mcp/mcp-sessions.js';

/** What every route works with: one open database for the server's life, and the server's rules. */
export interface ServerContext {
  /** The server's own view (no project, no session): API reads and writes go through it. */
  elf: Elf;
  /** One builder for the server's life: its corpus cache serves every view of the database. */
  builder: ContextBuilder;
  feed: ChangeFeed;
  cache: TtlCache;
  version: string;
  /** Host header values this server answers to (`127.0.0.1:4747`, `localhost:4747`, …). */
  hosts: ReadonlySet<string>;
  /** null: loopback, no token needed (but accepted). */
  token: string | null;
  /** The token every request must carry (non-loopback binds). */
  tokenRequired: boolean;
  /** The user's home: the loop reads ~/.claude/CLAUDE.md's golden-rules block from it. */
  userHome: string | null;
  /** The server's working directory: the fallback for a hook payload without an absolute cwd. */
  cwd: string;
  /** Where the dashboard's built files are (null: not built; / answers with a note). */
  webRoot: string | null;
  log(line: string): void;
  /**
   * Loads the real tokenizer the first time something is recorded through the API, so what is
   * recorded has its token count (as `elf record` gives it). Not at start: it costs ~60 MB, and
   * hooks alone never need it (captured items are counted later, as the command hook's are).
   */
  countTokens(): void;
  /** Limits on open MCP sessions (tests lower them; default 1 h idle, 256 at once). */
  mcpSessionLimits?: Partial<McpSessionLimits>;
  /** How long a prompt's or a subagent's hook may wait behind other events before it gets no context (default 2 s). */
  lateAfterMs?: number;
}
