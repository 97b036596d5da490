import { formatConfidence } from '../lib/format';

/** A confidence between 0 and 1 as a number and a small bar (a <meter>, so it has a value to read). */
export function ConfidenceBar({ value }: { value: number }) {
  return (
    <span class="confidence">
      <meter min={0} max={1} low={0.4} high={0.7} optimum={1} value={value} aria-label="confidence" />
      <span class="confidence-value">{formatConfidence(value)}</span>
    </span>
  );
}
