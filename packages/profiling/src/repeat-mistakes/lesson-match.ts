// Whether an injected context carries a lesson, by the lesson's own stored text (a heuristic's
// rule, a learning's title): the stable marker of its id. The context builder may shorten an item
// to a prefix of at least 40 characters ending in "…" (@elf/context's shorten), which counts too;
// any other rewording does not: no fuzzy matching.

const minShortened = 40;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function carriesItem(context: string, itemText: string): boolean {
  const haystack = squash(context);
  const needle = squash(itemText);
  if (!needle) return false;
  if (haystack.includes(needle)) return true;
  if (needle.length <= minShortened) return false;
  const prefix = needle.slice(0, minShortened);
  for (let at = haystack.indexOf(prefix); at >= 0; at = haystack.indexOf(prefix, at + 1)) {
    let n = minShortened;
    while (n < needle.length && haystack[at + n] === needle[n]) n++;
    // A shortened item: the text so far, cut before a space or punctuation, then the ellipsis.
    const rest = haystack.slice(at + n).trimStart();
    if (rest.startsWith('…')) return true;
  }
  return false;
}
