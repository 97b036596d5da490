import { errorHeadline } from '../capture/error-headline.js';
import type { Marker } from '../capture/markers.js';
import { redactSecrets } from '../capture/redact-secrets.js';
import type { CoreHandle } from '../core-handle.js';
import { applyOutcome } from '../lifecycle/apply-outcome.js';
import { findNearDuplicate } from '../lifecycle/near-duplicates.js';
import { recordHeuristic } from '../record/record-heuristic.js';
import { recordLearning } from '../record/record-learning.js';
import { inferDomain } from '../text/domain-inference.js';
import { writeTransaction } from '../transaction.js';
import { claimCapture, sessionSituation } from './session-state.js';

export interface CapturedItem {
  kind: 'heuristic' | 'learning';
  id: number;
  /** added: a new row; reinforced: an existing near-identical heuristic was validated instead. */
  action: 'added' | 'reinforced';
}

/**
 * A 64-bit FNV-1a fingerprint (two 32-bit lanes) of normalised text: enough to tell a session's
 * captures apart, and cheaper on a hook's cold start than loading node:crypto.
 */
export function fingerprint(...parts: string[]): string {
  const text = parts.join('\u0000').toLowerCase().replace(/\s+/g, ' ').trim();
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Cuts text at a word boundary to at most `max` characters. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Learns `[LEARNED:domain]` markers: a rule-like marker becomes a heuristic at confidence 0.5
 * (source `auto`; global unless the `record.default-scope` setting says project, its origin the
 * current project) unless it nearly repeats an active heuristic of its domain that applies here
 * (global or this project's), which it then reinforces (findNearDuplicate: the same test as
 * `elf record heuristic`); anything else becomes an observation. A marker without a domain gets the one its words suggest (else `general`).
 * Secrets are redacted first; a marker already captured in this session is skipped.
 */
export async function learnFromMarkers(
  ctx: CoreHandle,
  input: {
    sessionId: string;
    markers: readonly Marker[];
    /** Stored with new heuristics (default: captured from a marker). */
    explanation?: string;
    source?: 'auto' | 'auto-detected';
  },
): Promise<CapturedItem[]> {
  const captured: CapturedItem[] = [];
  // The situation it was learned in goes with a new rule (searched, not shown): the symptom a later
  // session describes is more often the session's first prompt than the rule's own words.
  const situation = input.explanation === undefined ? await sessionSituation(ctx, input.sessionId) : null;
  const explanation =
    input.explanation ??
    (situation
      ? `Learned from a [LEARNED] marker in a session that started with: ${situation}`
      : 'Captured from a [LEARNED] marker in an agent session.');
  for (const marker of input.markers) {
    const text = redactSecrets(marker.text).text.trim();
    if (!text) continue;
    const domain = marker.domain ?? inferDomain(text) ?? 'general';
    if (
      !(await claimCapture(ctx, {
        sessionId: input.sessionId,
        fingerprint: fingerprint('marker', text),
        kind: 'marker',
      }))
    )
      continue;
    if (marker.kind === 'heuristic') {
      const rule = cutAtWord(text, 500);
      // Look-up and insert in one transaction: two hooks capturing the same rule add it once.
      const item = await writeTransaction(ctx.db, async (trx) => {
        const inTrx = { ...ctx, db: trx };
        // What applies here (global and this project's rules), whatever scope the new rule would get.
        const twin = await findNearDuplicate(trx, { domain, rule, projectPath: ctx.projectPath });
        if (twin !== null) {
          await applyOutcome(inTrx, {
            heuristicId: twin.heuristic.id,
            event: 'validated',
            reason: 'reinforced by a [LEARNED] marker',
            sessionId: input.sessionId,
          });
          return { kind: 'heuristic', id: twin.heuristic.id, action: 'reinforced' } as const;
        }
        const h = await recordHeuristic(inTrx, {
          domain,
          rule,
          explanation,
          confidence: 0.5,
          source: input.source ?? 'auto',
          force: true,
        });
        return { kind: 'heuristic', id: h.id, action: 'added' } as const;
      });
      captured.push(item);
    } else {
      const l = await recordLearning(ctx, {
        type: 'observation',
        title: cutAtWord(text.replace(/\s+/g, ' '), 100),
        summary: cutAtWord(text, 5000),
        domain,
        tags: 'marker',
      });
      captured.push({ kind: 'learning', id: l.id, action: 'added' });
    }
  }
  return captured;
}

export interface ToolFailureInput {
  sessionId: string;
  toolName: string;
  error: string;
  /** A short description of what the tool was asked to do. */
  inputSummary?: string | null;
}

/**
 * Records a failed tool call as a failure learning (secrets redacted; domain from its words; the
 * same failure twice in a session is recorded once). Returns null when it was already recorded or carried no error text.
 */
export async function captureToolFailure(ctx: CoreHandle, input: ToolFailureInput): Promise<CapturedItem | null> {
  const error = redactSecrets(input.error).text.trim();
  if (!error) return null;
  // The line that names the error, not the client's `Exit code 1` or a package manager's trailer:
  // it is the title agents read, and what tells two failures of a session apart.
  const headline = errorHeadline(error);
  // Claude Code puts `Exit code N` first; the summary starts with the output and ends with the status.
  const exit = /^Exit code (-?\d+)\s*\n(?=\s*\S)/.exec(error);
  const output = exit ? error.slice(exit[0].length).trim() : error;
  if (
    !(await claimCapture(ctx, {
      sessionId: input.sessionId,
      fingerprint: fingerprint('failure', input.toolName, headline.slice(0, 300)),
      kind: 'failure',
    }))
  )
    return null;
  const what = input.inputSummary ? redactSecrets(input.inputSummary).text.trim() : '';
  const situation = await sessionSituation(ctx, input.sessionId);
  const domain = inferDomain(`${what} ${error}`) ?? 'general';
  const learning = await recordLearning(ctx, {
    type: 'failure',
    title: cutAtWord(`${input.toolName} failed: ${headline}`, 200),
    summary: cutAtWord(
      [
        cutAtWord(/^error\b/i.test(output) ? output : `Error: ${output}`, 3500),
        what ? `Input: ${what}` : '',
        exit ? `(exit code ${exit[1]})` : '',
        // Last, so a shortened summary loses it first.
        situation ? `While: ${situation}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      4000,
    ),
    domain,
    severity: 3,
    tags: 'auto,tool-failure',
  });
  return { kind: 'learning', id: learning.id, action: 'added' };
}
