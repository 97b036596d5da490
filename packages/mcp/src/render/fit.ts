import { tokenModel } from '@elf/context';

// An upper bound of o200k's count without loading a tokenizer (see @elf/context's token model):
// a result that fits by this count fits by the real one.
const model = tokenModel();

export const countTokens = (text: string): number => model.text(text);

export interface Fitted {
  text: string;
  tokens: number;
  /** Entries that did not fit. */
  leftOut: number;
}

/**
 * Lines under a token budget, in order, with what does not fit left out whole and counted in
 * the closing line, which comes out of the budget too. `more` names what was left out
 * (`3 more rules`), `hint` says how to get it.
 */
export function fitLines(
  head: string,
  entries: readonly string[],
  budget: number,
  more: (n: number) => string,
  hint: string,
): Fitted {
  let text = head;
  let used = countTokens(head);
  let placed = 0;
  for (const entry of entries) {
    const cost = countTokens(`\n${entry}`);
    const rest = entries.length - placed - 1;
    const tail = rest > 0 ? countTokens(`\n${closing(rest, budget, more, hint)}`) : 0;
    if (used + cost + tail > budget) break;
    text += `\n${entry}`;
    used += cost;
    placed++;
  }
  const leftOut = entries.length - placed;
  if (leftOut > 0) {
    const line = `\n${closing(leftOut, budget, more, hint)}`;
    text += line;
    used += countTokens(line);
  }
  return { text, tokens: used, leftOut };
}

function closing(n: number, budget: number, more: (n: number) => string, hint: string): string {
  return `(Left out: ${more(n)}, over the ${budget}-token budget; ${hint}.)`;
}
