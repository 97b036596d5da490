import { sendJson } from './api';
import type { Heuristic } from './types';

export type HeuristicAction = 'validate' | 'violate' | 'promote' | 'demote' | 'retract' | 'revive';

export const actionLabels: Record<HeuristicAction, { label: string; done: string }> = {
  validate: { label: 'Validate', done: 'Validated' },
  violate: { label: 'Violate', done: 'Recorded a violation of' },
  promote: { label: 'Promote', done: 'Promoted to a golden rule:' },
  demote: { label: 'Demote', done: 'Demoted' },
  retract: { label: 'Retract', done: 'Retracted' },
  revive: { label: 'Revive', done: 'Revived' },
};

/** The actions that make sense for a heuristic in its current standing. */
export function actionsFor(h: Heuristic): HeuristicAction[] {
  const actions: HeuristicAction[] = [];
  if (h.status === 'active') actions.push('validate', 'violate');
  if (h.status === 'active' && !h.is_golden) actions.push('promote');
  if (h.is_golden) actions.push('demote');
  if (h.status === 'active' || h.status === 'dormant') actions.push('retract');
  if (h.status !== 'active' && h.status !== 'superseded') actions.push('revive');
  return actions;
}

export function runAction(id: number, action: HeuristicAction): Promise<{ heuristic: Heuristic }> {
  return sendJson('POST', `/api/heuristics/${id}/${action}`, {});
}
