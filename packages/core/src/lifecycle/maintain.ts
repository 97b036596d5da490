import type { HeuristicRow } from '@elf/schema';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { writeTransaction } from '../transaction.js';
import { applyOutcome } from './apply-outcome.js';
import { changeHeuristic } from './audit.js';
import { confidenceStep } from './confidence.js';
import { type LifecycleConfig, lifecycleConfig, readState, stateKeys, writeState } from './settings.js';

const dayMs = 86_400_000;

export interface LifecycleChange {
  id: number;
  rule: string;
  domain: string;
  from: number;
  to: number;
}

export interface MaintainReport {
  at: string;
  config: LifecycleConfig;
  /** Heuristics whose confidence decayed, with the number of steps applied now. */
  decayed: Array<LifecycleChange & { steps: number; idleDays: number }>;
  /** Heuristics that fell below the dormancy threshold (never injected, still searchable). */
  dormant: LifecycleChange[];
  /** Dormant heuristics archived after `archive.after-days`. */
  archived: LifecycleChange[];
  /** Active heuristics looked at; golden rules are never among them. */
  examined: number;
}

/**
 * Decay steps due by `now` for a heuristic last used at `lastUsed`: none within `idleDays`, then one
 * at `idleDays` and one more every `stepDays`. Counting from the last use (not from the last run)
 * is what makes the pass idempotent: run twice on one day, the second run finds nothing due.
 */
export function decayStepsDue(lastUsed: string, now: string, config: LifecycleConfig): number {
  const idle = (Date.parse(now) - Date.parse(lastUsed)) / dayMs;
  if (!(idle >= config.decayIdleDays)) return 0;
  return Math.floor((idle - config.decayIdleDays) / config.decayStepDays) + 1;
}

/**
 * The lifecycle's maintenance pass: unused heuristics decay toward the floor (× 0.92 per step),
 * those below `dormancy.below` become dormant, and heuristics dormant for `archive.after-days` are
 * archived. Golden rules never decay; decisions, invariants and everything else are not touched.
 * Nothing is deleted. `dryRun` reports without writing.
 */
export async function maintainLifecycle(ctx: CoreHandle, options: { dryRun?: boolean } = {}): Promise<MaintainReport> {
  const at = nowIso(ctx);
  const config = await lifecycleConfig(ctx.db);
  const report: MaintainReport = { at, config, decayed: [], dormant: [], archived: [], examined: 0 };
  const idleBefore = new Date(Date.parse(at) - config.decayIdleDays * dayMs).toISOString();
  await writeTransaction(ctx.db, async (trx) => {
    const idle = await trx
      .selectFrom('heuristics')
      .selectAll()
      .where('status', '=', 'active')
      .where('is_golden', '=', 0)
      .where((eb) => eb.fn.coalesce('last_used_at', 'created_at'), '<=', idleBefore)
      .orderBy('id')
      .limit(100_000)
      .execute();
    report.examined = idle.length;
    for (const h of idle) await decayOne(trx, h);
    const archiveBefore = new Date(Date.parse(at) - config.archiveAfterDays * dayMs).toISOString();
    const stale = await trx
      .selectFrom('heuristics')
      .selectAll()
      .where('status', '=', 'dormant')
      .where('status_changed_at', '<=', archiveBefore)
      .orderBy('id')
      .limit(100_000)
      .execute();
    for (const h of stale) {
      report.archived.push(change(h, h.confidence));
      if (options.dryRun) continue;
      const reason = `archived: dormant since ${h.status_changed_at}`;
      // A change of standing, audited with the pass that made it (the audit has no 'archived' type).
      await changeHeuristic(
        trx,
        h,
        { status: 'archived', status_reason: reason, status_changed_at: at },
        { type: 'decay', source: 'system', reason, at },
      );
    }
  });
  return report;

  async function decayOne(trx: typeof ctx.db, h: HeuristicRow) {
    const lastUsed = h.last_used_at ?? h.created_at;
    const steps = decayStepsDue(lastUsed, at, config) - h.decay_steps;
    if (steps <= 0) return;
    const idleDays = Math.floor((Date.parse(at) - Date.parse(lastUsed)) / dayMs);
    const reason = `unused for ${idleDays} days: ${steps} decay step${steps === 1 ? '' : 's'}`;
    if (options.dryRun) {
      let to = h.confidence;
      for (let i = 0; i < steps; i++)
        to = confidenceStep({ confidence: to, applications: 0, golden: false }, 'decay').next;
      report.decayed.push({ ...change(h, to), steps, idleDays });
      if (to < config.dormantBelow) report.dormant.push(change(h, to));
      return;
    }
    // Through the one confidence function: audit, dormancy check and all.
    const result = await applyOutcome(
      { ...ctx, db: trx },
      { heuristicId: h.id, event: 'decay', steps, source: 'system', reason, config },
    );
    if (!result) return;
    report.decayed.push({ ...change(h, result.newConfidence), steps, idleDays });
    if (result.becameDormant) report.dormant.push(change(h, result.newConfidence));
  }
}

function change(h: HeuristicRow, to: number): LifecycleChange {
  return { id: h.id, rule: h.rule, domain: h.domain, from: h.confidence, to };
}

/**
 * Runs the pass at most once per UTC day (the SessionEnd hook calls this, so the lifecycle runs
 * without anyone scheduling it). The day is marked done only after the pass succeeded, so a pass
 * that failed (busy, say) runs again at the next session's end; two sessions ending at once may
 * both run it, which is harmless: the pass is idempotent. Returns null when today's already ran.
 */
export async function maintainIfDue(ctx: CoreHandle): Promise<MaintainReport | null> {
  const last = await readState(ctx.db, stateKeys.lastMaintain);
  if (last !== null && last.slice(0, 10) >= nowIso(ctx).slice(0, 10)) return null;
  const report = await maintainLifecycle(ctx);
  await writeState(ctx, stateKeys.lastMaintain, report.at);
  return report;
}
