import { str } from '../hook-payload.js';
import type { HookRun } from '../hook-run.js';
import { readTranscriptFrom } from '../transcript-markers.js';

/**
 * PreCompact and SessionEnd: learns the markers the main agent wrote since the last checkpoint
 * (read from the transcript, incrementally), then writes the session summary — rules, no LLM.
 */
export async function sessionCheckpoint(run: HookRun): Promise<string | null> {
  const { elf, payload } = run;
  const core = await import('@elf/core');
  const ctx = elf.context;
  await core.openSession(ctx, {
    sessionId: payload.sessionId,
    project: run.project,
    transcriptPath: payload.transcriptPath,
  });
  if (payload.transcriptPath) await learnFromTranscript(run, payload.transcriptPath);
  const ended = payload.event === 'SessionEnd';
  await core.summarizeSession(ctx, {
    sessionId: payload.sessionId,
    project: run.project,
    ended,
    reason: ended
      ? str(payload.raw, 'reason')
      : `checkpoint before ${str(payload.raw, 'trigger') ?? ''} compaction`.replace('  ', ' '),
  });
  if (ended) {
    // The knowledge lifecycle's daily pass (decay, dormancy, archive), so nobody has to schedule it.
    const report = await core.maintainIfDue(ctx);
    if (report && report.decayed.length + report.archived.length > 0) {
      run.log(
        `SessionEnd: daily lifecycle pass: ${report.decayed.length} decayed, ${report.dormant.length} dormant, ${report.archived.length} archived`,
      );
    }
  }
  return null;
}

async function learnFromTranscript(run: HookRun, path: string): Promise<void> {
  const { elf, payload } = run;
  const core = await import('@elf/core');
  const ctx = elf.context;
  const session = await core.getSession(ctx, payload.sessionId);
  let chunk: ReturnType<typeof readTranscriptFrom>;
  try {
    chunk = readTranscriptFrom(path, session?.session_file_size ?? 0);
  } catch (error) {
    run.log(`transcript not read (${(error as Error).message})`);
    return;
  }
  const markers = core.extractMarkers(chunk.assistantText);
  if (markers.length > 0) {
    await core.learnFromMarkers(ctx, { sessionId: payload.sessionId, markers });
  }
  await ctx.db
    .updateTable('session_summaries')
    .set({
      session_file_path: path,
      session_file_size: chunk.offset,
      session_last_modified: ctx.clock.now().toISOString(),
    })
    .where('session_id', '=', payload.sessionId)
    .execute();
}
