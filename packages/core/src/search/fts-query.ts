// Turns free text into a safe FTS5 MATCH expression. Every term is quoted, so user text can never
// be read as FTS syntax (AND, NEAR, column filters, unbalanced quotes). Terms are OR-ed and bm25
// ranks documents that match more (and rarer) terms first.
import { searchTerms } from '../text/terms.js';

/** The MATCH expression for a text, or null when it has no searchable words. */
export function ftsMatchExpression(text: string, maxTerms = 32): string | null {
  const terms = searchTerms(text, maxTerms);
  return terms.length > 0 ? terms.map((term) => `"${term}"`).join(' OR ') : null;
}
