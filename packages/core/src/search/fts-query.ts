// Turns free text into a safe FTS5 MATCH expression. Every term is quoted, so user text can never
// be read as FTS syntax (AND, NEAR, column filters, unbalanced quotes). Terms are OR-ed and bm25
// ranks documents that match more (and rarer) terms first.
import { searchTerms } from '../text/terms.js';

/** The text's content words, each quoted as one FTS5 phrase, in order of first appearance. */
export function ftsPhrases(text: string, maxTerms = 32): string[] {
  return searchTerms(text, maxTerms).map((term) => `"${term}"`);
}

/** The MATCH expression for a text, or null when it has no searchable words. */
export function ftsMatchExpression(text: string, maxTerms = 32): string | null {
  const phrases = ftsPhrases(text, maxTerms);
  return phrases.length > 0 ? phrases.join(' OR ') : null;
}
