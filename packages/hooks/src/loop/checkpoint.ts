import {
  type CapturedItem,
  captureToolFailure,
  extractMarkers,
  getSession,
  learnFromMarkers,
  maintainIfDue,
  noteTranscriptRead,
  summarizeSession,
} from '@elf/core';
import type { EventResult, PreCompactEvent, SessionEndEvent, TranscriptSource } from '../events.js';
import { type EventScope, eventResult, openScopeSession } from './scope.js';

/**
 * Before a compaction and at the session's end: learns the markers the main agent wrote since the
 * last checkpoint (read from its transcript, incrementally), then writes the session's summary —
 * rules, no LLM. The end of a session also runs the lifecycle's daily pass (decay, dormancy,
 * archive), so nobody has to schedule it.
 */
export async function checkpoint(scope: EventScope, event: PreCompactEvent | SessionEndEvent): Promise<EventResult> {
  const { ctx, session, project } = scope;
  await openScopeSession(scope);
  const notes: string[] = [];
  const captured = event.transcript ? await learnFromTranscript(scope, event.transcript, notes) : [];
  const ended = event.kind === 'session-end';
  await summarizeSession(ctx, {
    sessionId: session.sessionId,
    project,
    ended,
    reason:
      event.kind === 'session-end'
        ? event.reason
        : `checkpoint before ${event.trigger ?? ''} compaction`.replace('  ', ' '),
  });
  const maintenance = ended ? await maintainIfDue(ctx) : null;
  if (maintenance && maintenance.decayed.length + maintenance.archived.length > 0) {
    notes.push(
      `daily lifecycle pass: ${maintenance.decayed.length} decayed, ${maintenance.dormant.length} dormant, ${maintenance.archived.length} archived`,
    );
  }
  return eventResult(null, { captured, maintenance }, notes);
}

async function learnFromTranscript(
  scope: EventScope,
  transcript: TranscriptSource,
  notes: string[],
): Promise<CapturedItem[]> {
  const { ctx, session } = scope;
  const state = await getSession(ctx, session.sessionId);
  let chunk: ReturnType<TranscriptSource['read']>;
  try {
    chunk = transcript.read(state?.session_file_size ?? 0);
  } catch (error) {
    notes.push(`transcript not read (${(error as Error).message})`);
    return [];
  }
  const markers = extractMarkers(chunk.assistantText);
  const captured = markers.length > 0 ? await learnFromMarkers(ctx, { sessionId: session.sessionId, markers }) : [];
  // Tool calls the client refused before running them reach no hook: the transcript is where they are.
  for (const refused of chunk.toolErrors ?? []) {
    const failure = await captureToolFailure(ctx, {
      sessionId: session.sessionId,
      toolName: refused.tool,
      error: refused.error,
    });
    if (failure) captured.push(failure);
  }
  await noteTranscriptRead(ctx, { sessionId: session.sessionId, path: transcript.path, offset: chunk.offset });
  return captured;
}
