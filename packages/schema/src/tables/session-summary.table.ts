import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Flag, Id, Timestamp } from './timestamps.js';

/** What happened in one agent session, summarised without an LLM. */
export interface SessionSummaryTable {
  id: Id;
  session_id: string;
  project: string;
  tool_summary: string | null;
  content_summary: string | null;
  conversation_summary: string | null;
  /** JSON array of paths. */
  files_touched: Defaulted<string>;
  /** JSON object tool → count. */
  tool_counts: Defaulted<string>;
  /** JSON array of domains. */
  domains: Defaulted<string>;
  /** JSON array of heuristic ids. */
  heuristics_consulted: Defaulted<string>;
  message_count: Defaulted<number>;
  failures_count: Defaulted<number>;
  markers_count: Defaulted<number>;
  session_file_path: string | null;
  session_file_size: number | null;
  session_last_modified: string | null;
  started_at: Timestamp;
  ended_at: string | null;
  summarized_at: string | null;
  summarizer_model: Defaulted<string>;
  summary_version: Defaulted<number>;
  is_stale: Flag;
  needs_resummarize: Flag;
}

export type SessionSummaryRow = Selectable<SessionSummaryTable>;
export type NewSessionSummaryRow = Insertable<SessionSummaryTable>;
export type SessionSummaryRowUpdate = Updateable<SessionSummaryTable>;
