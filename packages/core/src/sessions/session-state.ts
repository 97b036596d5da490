import type { SessionSummaryRow } from '@elf/schema';
import { sql } from 'kysely';
import { bookkeeping, type CoreHandle, nowIso } from '../core-handle.js';
import { writeTransaction } from '../transaction.js';

// Per-session state of agent hooks, kept in the database: each hook is its own short process,
// and sessions running side by side in one project must never see each other's state.

export interface OpenSessionInput {
  sessionId: string;
  /** The project the session works in (resolveProjectRoot of its cwd), or its cwd outside one. */
  project: string;
  transcriptPath?: string | null;
}

/** Creates the session's summary row on its first event (idempotent; a resumed session keeps its row). */
export async function openSession(ctx: CoreHandle, input: OpenSessionInput): Promise<void> {
  // Read first: every event of a session calls this, and an insert — even one that inserts
  // nothing — waits for the write lock another process may hold.
  const known = await ctx.db
    .selectFrom('session_summaries')
    .select('id')
    .where('session_id', '=', input.sessionId)
    .executeTakeFirst();
  if (known) return;
  await ctx.db
    .insertInto('session_summaries')
    .values({
      session_id: input.sessionId,
      project: input.project,
      session_file_path: input.transcriptPath ?? null,
      started_at: nowIso(ctx),
    })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .execute();
}

export function getSession(ctx: CoreHandle, sessionId: string): Promise<SessionSummaryRow | undefined> {
  return ctx.db.selectFrom('session_summaries').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

export interface InjectedItem {
  kind: string;
  id: number;
}

/** Remembers what a session was shown, so later events never repeat it. */
export async function recordInjections(
  ctx: CoreHandle,
  sessionId: string,
  event: string,
  items: readonly InjectedItem[],
): Promise<void> {
  if (items.length === 0) return;
  const now = nowIso(ctx);
  // Bookkeeping, not knowledge (see bookkeeping()): neither statement fires a trigger.
  const [inserted] = await ctx.db
    .insertInto('session_injections')
    .values(items.map((item) => ({ session_id: sessionId, kind: item.kind, item_id: item.id, event, created_at: now })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  bookkeeping(ctx, inserted?.numInsertedOrUpdatedRows);
  // Being shown to an agent is use: a heuristic injected every session does not decay.
  const heuristicIds = items.filter((i) => i.kind === 'heuristic' || i.kind === 'golden_rule').map((i) => i.id);
  if (heuristicIds.length > 0) {
    const [used] = await ctx.db
      .updateTable('heuristics')
      .set({ last_used_at: now, decay_steps: 0 })
      .where('id', 'in', heuristicIds)
      .execute();
    bookkeeping(ctx, used?.numUpdatedRows);
  }
}

/** Forgets what a session was shown (after /clear or a compaction the model no longer has it). */
export async function forgetInjections(ctx: CoreHandle, sessionId: string): Promise<void> {
  await ctx.db.deleteFrom('session_injections').where('session_id', '=', sessionId).execute();
}

/** `kind:id` of everything the session has been shown. */
export async function injectedKeys(ctx: CoreHandle, sessionId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .selectFrom('session_injections')
    .select(['kind', 'item_id'])
    .where('session_id', '=', sessionId)
    .limit(10_000)
    .execute();
  return new Set(rows.map((r) => `${r.kind}:${r.item_id}`));
}

/** Counts one tool call (and whether it failed) for the session summary. */
export async function countToolUse(
  ctx: CoreHandle,
  input: { sessionId: string; toolName: string; failed?: boolean },
): Promise<void> {
  const failures = input.failed ? 1 : 0;
  const [counted] = await ctx.db
    .insertInto('session_tools')
    .values({ session_id: input.sessionId, tool_name: input.toolName.slice(0, 200), calls: 1, failures })
    .onConflict((oc) =>
      oc.columns(['session_id', 'tool_name']).doUpdateSet({
        calls: sql`calls + 1`,
        failures: sql`failures + ${failures}`,
      }),
    )
    .execute();
  bookkeeping(ctx, counted?.numInsertedOrUpdatedRows);
}

/**
 * Marks a capture (a marker, a failure) as done for the session; false when it already was, so a
 * marker seen in both SubagentStop and PostToolUse(Task) is learned once.
 */
export async function claimCapture(
  ctx: CoreHandle,
  input: { sessionId: string; fingerprint: string; kind: 'marker' | 'failure' },
): Promise<boolean> {
  const result = await ctx.db
    .insertInto('session_captures')
    .values({
      session_id: input.sessionId,
      fingerprint: input.fingerprint.slice(0, 200),
      kind: input.kind,
      created_at: nowIso(ctx),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  bookkeeping(ctx, result.numInsertedOrUpdatedRows);
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Tool calls and failures of a session, by tool. */
export async function sessionTools(
  ctx: CoreHandle,
  sessionId: string,
): Promise<Record<string, { calls: number; failures: number }>> {
  const rows = await ctx.db
    .selectFrom('session_tools')
    .select(['tool_name', 'calls', 'failures'])
    .where('session_id', '=', sessionId)
    .limit(1000)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.tool_name, { calls: r.calls, failures: r.failures }]));
}

/** Adds domains to the session's list (for its summary); keeps the first 20. */
export async function noteSessionDomains(
  ctx: CoreHandle,
  sessionId: string,
  domains: readonly string[],
): Promise<void> {
  if (domains.length === 0) return;
  await writeTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('session_summaries')
      .select(['domains'])
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return;
    const known = parseList(row.domains);
    const merged = [...new Set([...known, ...domains])].slice(0, 20);
    if (merged.length === known.length) return;
    const [noted] = await trx
      .updateTable('session_summaries')
      .set({ domains: JSON.stringify(merged) })
      .where('session_id', '=', sessionId)
      .execute();
    bookkeeping(ctx, noted?.numUpdatedRows);
  });
}

/** The session's first prompt, kept (shortened) as how the conversation started. */
export async function noteFirstPrompt(ctx: CoreHandle, sessionId: string, prompt: string): Promise<void> {
  const start = prompt.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!start) return;
  // Only the first prompt writes: the others need no write lock.
  const row = await ctx.db
    .selectFrom('session_summaries')
    .select('conversation_summary')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.conversation_summary !== null) return;
  const [noted] = await ctx.db
    .updateTable('session_summaries')
    .set({ conversation_summary: `Started with: ${start}` })
    .where('session_id', '=', sessionId)
    .where('conversation_summary', 'is', null)
    .execute();
  bookkeeping(ctx, noted?.numUpdatedRows);
}

/**
 * What the session is about, in the user's words: its first prompt (redacted when it was noted),
 * or null. Kept with what the session learns, so a later session that describes the same
 * situation finds the lesson even when it never names the cause.
 */
export async function sessionSituation(ctx: CoreHandle, sessionId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('session_summaries')
    .select('conversation_summary')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  const started = row?.conversation_summary?.match(/^Started with: ([\s\S]+)$/)?.[1]?.trim();
  return started || null;
}

/** How far the session's transcript has been read (markers before `offset` are learned). */
export async function noteTranscriptRead(
  ctx: CoreHandle,
  input: { sessionId: string; path: string; offset: number },
): Promise<void> {
  const [noted] = await ctx.db
    .updateTable('session_summaries')
    .set({ session_file_path: input.path, session_file_size: input.offset, session_last_modified: nowIso(ctx) })
    .where('session_id', '=', input.sessionId)
    .execute();
  bookkeeping(ctx, noted?.numUpdatedRows);
}

export function parseList(value: string | null | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
