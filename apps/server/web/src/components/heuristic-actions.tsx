import { useState } from 'preact/hooks';
import { announce } from '../lib/announce';
import { actionLabels, actionsFor, type HeuristicAction, runAction } from '../lib/heuristic-actions';
import type { Heuristic } from '../lib/types';

interface Props {
  heuristic: Heuristic;
  onDone: () => void;
}

/** Validate / violate / promote / demote / retract / revive, whichever apply; the outcome is announced. */
export function HeuristicActions({ heuristic, onDone }: Props) {
  const [busy, setBusy] = useState<HeuristicAction | null>(null);
  const run = async (action: HeuristicAction) => {
    setBusy(action);
    try {
      await runAction(heuristic.id, action);
      announce(`${actionLabels[action].done} #${heuristic.id}`);
      onDone();
    } catch (error) {
      announce(`${actionLabels[action].label} #${heuristic.id} failed: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="row-actions">
      {actionsFor(heuristic).map((action) => (
        <button
          key={action}
          type="button"
          class={`button small action-${action}`}
          data-action={action}
          disabled={busy !== null}
          aria-label={`${actionLabels[action].label} heuristic ${heuristic.id}`}
          onClick={() => run(action)}
        >
          {busy === action ? '…' : actionLabels[action].label}
        </button>
      ))}
    </div>
  );
}
