import type { SessionSummaryRow } from '@elf/schema';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { parseList } from './session-state.js';

export interface SessionSummaryInput {
  sessionId: string;
  /** The session's project, for a session whose first event this is. */
  project: string;
  /** SessionEnd: the session is over (PreCompact only checkpoints). */
  ended?: boolean;
  reason?: string | null;
}

/**
 * Writes the session's summary from what its hooks recorded, without an LLM: tool counts, files
 * touched (its trails), domains, failures, markers captured and heuristics consulted.
 */
export async function summarizeSession(ctx: CoreHandle, input: SessionSummaryInput): Promise<SessionSummaryRow> {
  const { sessionId } = input;
  const now = nowIso(ctx);
  const [tools, files, captures, consulted, existing] = await Promise.all([
    ctx.db
      .selectFrom('session_tools')
      .select(['tool_name', 'calls', 'failures'])
      .where('session_id', '=', sessionId)
      .orderBy('calls', 'desc')
      .limit(200)
      .execute(),
    ctx.db
      .selectFrom('trails')
      .select('location')
      .where('session_id', '=', sessionId)
      .where('location_type', '=', 'file')
      .groupBy('location')
      .orderBy((eb) => eb.fn.max('created_at'), 'desc')
      .limit(100)
      .execute(),
    ctx.db
      .selectFrom('session_captures')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('session_id', '=', sessionId)
      .groupBy('kind')
      .execute(),
    ctx.db
      .selectFrom('heuristic_consultations')
      .select('heuristic_id')
      .distinct()
      .where('session_id', '=', sessionId)
      .limit(500)
      .execute(),
    ctx.db.selectFrom('session_summaries').selectAll().where('session_id', '=', sessionId).executeTakeFirst(),
  ]);
  const toolCounts = Object.fromEntries(tools.map((t) => [t.tool_name, t.calls]));
  const failures = tools.reduce((n, t) => n + t.failures, 0);
  const markers = captures.find((c) => c.kind === 'marker')?.n ?? 0;
  const paths = files.map((f) => f.location);
  const folders = new Set(paths.map((p) => p.split('/').slice(0, -1).join('/') || '.'));
  const toolSummary = tools.length
    ? `Used ${tools
        .slice(0, 8)
        .map((t) => `${t.tool_name}(${t.calls})`)
        .join(', ')}${tools.length > 8 ? ', …' : ''}`
    : 'No tool calls recorded';
  const domains = parseList(existing?.domains);
  const contentSummary = [
    `Worked on ${paths.length} file${paths.length === 1 ? '' : 's'} in ${folders.size} folder${folders.size === 1 ? '' : 's'}`,
    domains.length ? `domains ${domains.slice(0, 5).join(', ')}` : '',
    `${failures} failure${failures === 1 ? '' : 's'}`,
    `${markers} marker${markers === 1 ? '' : 's'} learned`,
    `${consulted.length} heuristic${consulted.length === 1 ? '' : 's'} consulted`,
    input.reason ? `ended: ${input.reason}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const values = {
    tool_summary: toolSummary,
    content_summary: contentSummary,
    files_touched: JSON.stringify(paths),
    tool_counts: JSON.stringify(toolCounts),
    heuristics_consulted: JSON.stringify(consulted.map((c) => c.heuristic_id)),
    message_count: tools.reduce((n, t) => n + t.calls, 0),
    failures_count: failures,
    markers_count: markers,
    summarized_at: now,
    summarizer_model: 'rules',
    ...(input.ended ? { ended_at: now } : {}),
  };
  return ctx.db
    .insertInto('session_summaries')
    .values({ session_id: sessionId, project: input.project, started_at: now, ...values })
    .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
