// Turns free text into a safe FTS5 MATCH expression. Every term is quoted, so user text can never
// be read as FTS syntax (AND, NEAR, column filters, unbalanced quotes). Terms are OR-ed and bm25
// ranks documents that match more (and rarer) terms first.

const stopWords = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this to too was we were what ' +
    'when where which while who why will with would you your'
  ).split(' '),
);

const termPattern = /[\p{L}\p{N}_]+/gu;

/** Distinct, lower-cased content words of a text, in order of first appearance. */
export function searchTerms(text: string, maxTerms = 32): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const match of text.toLowerCase().matchAll(termPattern)) {
    const term = match[0];
    if (stopWords.has(term) || seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    if (terms.length >= maxTerms) break;
  }
  return terms;
}

/** The MATCH expression for a text, or null when it has no searchable words. */
export function ftsMatchExpression(text: string, maxTerms = 32): string | null {
  const terms = searchTerms(text, maxTerms);
  return terms.length > 0 ? terms.map((term) => `"${term}"`).join(' OR ') : null;
}
