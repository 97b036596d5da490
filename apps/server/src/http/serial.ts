/**
 * Runs tasks one at a time, in the order they came. Hook events share one connection and one
 * core: run side by side, each waits for the connection between its thirty-odd statements, so
 * all of them finish late together (and under load a few very late). One at a time, each finishes
 * as early as it can.
 */
export function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
