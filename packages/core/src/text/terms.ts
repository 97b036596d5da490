import { stemmer } from 'stemmer';
import { functionWords, ruleFormWords } from './stop-words.js';
import { words } from './words.js';

// Content words and their Porter stems. Stems let "failing" match "failed" and "migrations"
// match "migration"; the index itself is Porter-stemmed ('porter unicode61 remove_diacritics 2').

/** Distinct content words (identifiers kept whole), in order of first appearance. */
export function searchTerms(text: string, maxTerms = 32): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const word of words(text, { identifiers: true })) {
    if (functionWords.has(word) || seen.has(word)) continue;
    seen.add(word);
    terms.push(word);
    if (terms.length >= maxTerms) break;
  }
  return terms;
}

// Stemming is regex-heavy and the same words recur across items and builds: remember them.
const stemCache = new Map<string, string>();
const stemCacheLimit = 50_000;

/** The Porter stem of one folded word (memoised). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size >= stemCacheLimit) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Content words (identifiers split, as the index splits them), each with its stem. */
export function stemmedTerms(text: string, max = 500): Array<{ term: string; stem: string }> {
  const out: Array<{ term: string; stem: string }> = [];
  for (const term of searchTerms(text, max)) {
    for (const part of term.split('_')) if (part) out.push({ term: part, stem: stem(part) });
  }
  return out;
}

/** Distinct stems of a text's content words, in order of first appearance. */
export function stems(text: string, max = 500): string[] {
  return [...new Set(stemmedTerms(text, max).map((t) => t.stem))];
}

// Items are scored again on every build: remember the stems of recently seen texts.
const setCache = new Map<string, ReadonlySet<string>>();
const setCacheLimit = 5_000;

/** The set of a text's stems (memoised for recently seen texts). */
export function stemSet(text: string): ReadonlySet<string> {
  let set = setCache.get(text);
  if (!set) {
    set = new Set(stems(text));
    if (setCache.size >= setCacheLimit) setCache.clear();
    setCache.set(text, set);
  }
  return set;
}

/**
 * What a text is about: stems of its words of 3+ letters, without function words or the words
 * rules are phrased with ("always", "never", "use"). Revival compares a task with a rule this way.
 */
export function subjectWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text, { identifiers: true })) {
    if (word.length < 3 || functionWords.has(word) || ruleFormWords.has(word)) continue;
    out.add(stem(word));
  }
  return out;
}
