import type { HeuristicRow } from '@elf/schema';
import type { TransitionInput } from './outcome-transition.js';

// Rows and events for the transition's unit tests: the transition needs no database, so neither
// do they. Not exported from the package.

export const at = '2026-03-04T05:06:07.000Z';

export function heuristicRow(over: Partial<HeuristicRow> = {}): HeuristicRow {
  return {
    id: 7,
    domain: 'testing',
    rule: 'Inject the clock',
    explanation: null,
    source_type: 'manual',
    source_id: null,
    confidence: 0.5,
    times_validated: 0,
    times_violated: 0,
    times_contradicted: 0,
    times_consulted: 0,
    is_golden: 0,
    category: null,
    status: 'active',
    superseded_by: null,
    status_reason: null,
    status_changed_at: null,
    decay_steps: 2,
    project_path: null,
    origin_path: null,
    last_used_at: null,
    token_count: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export function transitionInput(over: Partial<TransitionInput> = {}): TransitionInput {
  return { event: 'validated', source: 'auto', sessionId: 's1', agentId: 'a1', at, ...over };
}
