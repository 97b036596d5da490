import type { Insertable, Selectable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

// Per-session state of the Claude Code hooks (see migration 7).

/** What a session has been shown: never injected twice. */
export interface SessionInjectionTable {
  session_id: string;
  kind: string;
  item_id: number;
  event: string;
  created_at: Timestamp;
}

export const consultationOutcomes = ['success', 'failure', 'unknown'] as const;
export type ConsultationOutcome = (typeof consultationOutcomes)[number];

/** Heuristics given to a subagent (agent_key: its Task tool_use_id), until its outcome is known. */
export interface HeuristicConsultationTable {
  id: Id;
  session_id: string;
  agent_key: string;
  agent_type: string | null;
  heuristic_id: number;
  consulted_at: Timestamp;
  outcome: ConsultationOutcome | null;
  resolved_at: string | null;
}

/** Tool calls and failures per session. */
export interface SessionToolTable {
  session_id: string;
  tool_name: string;
  calls: Defaulted<number>;
  failures: Defaulted<number>;
}

/** Fingerprints of what a session already captured, so nothing is learned twice. */
export interface SessionCaptureTable {
  session_id: string;
  fingerprint: string;
  kind: 'marker' | 'failure';
  created_at: Timestamp;
}

export type SessionInjectionRow = Selectable<SessionInjectionTable>;
export type NewSessionInjectionRow = Insertable<SessionInjectionTable>;
export type HeuristicConsultationRow = Selectable<HeuristicConsultationTable>;
export type NewHeuristicConsultationRow = Insertable<HeuristicConsultationTable>;
export type SessionToolRow = Selectable<SessionToolTable>;
export type SessionCaptureRow = Selectable<SessionCaptureTable>;
