import type { HeuristicRow } from '@elf/schema';
import { type ConfidenceStep, confidenceStep } from './confidence.js';
import type { ApplyOutcomeInput } from './outcome-types.js';

// The heuristics row after an applied event: its confidence, counters, use and standing.

/** The event and its time. */
export type PatchInput = Pick<ApplyOutcomeInput, 'event' | 'value' | 'steps'> & { at: string };

/** The heuristics columns an outcome changes. */
export type HeuristicPatch = Partial<
  Pick<
    HeuristicRow,
    | 'confidence'
    | 'times_validated'
    | 'times_violated'
    | 'times_contradicted'
    | 'times_consulted'
    | 'updated_at'
    | 'last_used_at'
    | 'decay_steps'
    | 'status'
    | 'status_reason'
    | 'status_changed_at'
  >
>;

/** The confidence after the event; `decay` may apply several steps at once. */
export function outcomeStep(h: HeuristicRow, input: PatchInput): { step: ConfidenceStep; decaySteps: number } {
  const golden = h.is_golden === 1;
  const applications = h.times_validated + h.times_violated + h.times_contradicted;
  let step = confidenceStep({ confidence: h.confidence, applications, golden }, input.event, input.value);
  const decaySteps = input.event === 'decay' ? Math.max(1, Math.floor(input.steps ?? 1)) : 0;
  for (let i = 1; i < decaySteps; i++) step = confidenceStep({ confidence: step.next, applications, golden }, 'decay');
  return { step, decaySteps };
}

/** The columns to write; `dormantReason` says why, when it becomes dormant. */
export function outcomePatch(
  h: HeuristicRow,
  input: PatchInput,
  confidence: number,
  decaySteps: number,
  dormantReason: string | null,
): HeuristicPatch {
  const e = input.event;
  const at = input.at;
  return {
    times_validated: h.times_validated + (e === 'validated' ? 1 : 0),
    times_violated: h.times_violated + (e === 'violated' ? 1 : 0),
    times_contradicted: h.times_contradicted + (e === 'contradicted' ? 1 : 0),
    times_consulted: h.times_consulted + (e === 'consulted' ? 1 : 0),
    confidence,
    updated_at: at,
    // Decay is the one event that is not a use: its steps add up until the next use.
    ...(e !== 'decay' ? { last_used_at: at, decay_steps: 0 } : { decay_steps: h.decay_steps + decaySteps }),
    ...(e === 'revived' ? { status: 'active', status_reason: null, status_changed_at: at } : {}),
    ...(dormantReason !== null
      ? {
          status: 'dormant',
          status_reason: dormantReason,
          status_changed_at: at,
        }
      : {}),
  };
}
