/**
 * Runs tasks one at a time, in the order they came. Hook events share one connection and one
 * core: run side by side, each waits for the connection between its thirty-odd statements, so
 * all of them finish late together (and under load a few very late). One at a time, each finishes
 * as early as it can.
 */
export function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    // Each task starts on a new turn of the event loop. better-sqlite3 answers at once, so a task
    // runs start to end as microtasks; chained straight after the last, a backlog would drain with
    // no turn between (no request read, no timer, no event stream) for as long as it lasts.
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve)).then(task);
    const run = tail.then(turn, turn);
    tail = run.catch(() => undefined);
    return run;
  };
}
