/**
 * What an edit changes, for --dry-run: the lines between the first and last that differ, as one
 * hunk (`@@ line N @@`, then `- old` and `+ new` lines). Our edits touch one place in a file, so
 * one hunk shows all of it.
 */
export function changeHunk(before: string, after: string): string {
  if (before === after) return '';
  const split = (text: string) => (text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/));
  const old = split(before);
  const now = split(after);
  let head = 0;
  while (head < old.length && head < now.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old.at(-1 - tail) === now.at(-1 - tail)) tail++;
  return [
    `@@ line ${head + 1} @@`,
    ...old.slice(head, old.length - tail).map((line) => `- ${line}`),
    ...now.slice(head, now.length - tail).map((line) => `+ ${line}`),
  ].join('\n');
}
