import type { ComponentChildren } from 'preact';
import type { ApiState } from '../lib/use-api';

// Loading, empty and error states, the same everywhere. Errors show the API's own message.

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state state-empty">{children}</p>;
}

export function ErrorNote({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <strong>Could not load this:</strong> <span class="error-message">{error.message}</span>
      {onRetry && (
        <button type="button" class="button small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders `children(data)` once there is data; loading and error states before that. */
export function Async<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ComponentChildren }) {
  if (state.data !== undefined) {
    return (
      <>
        {state.error && <ErrorNote error={state.error} onRetry={state.reload} />}
        {children(state.data)}
      </>
    );
  }
  if (state.error) return <ErrorNote error={state.error} onRetry={state.reload} />;
  return <Loading />;
}
