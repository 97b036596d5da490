// After a subagent (Task) finishes, its output decides whether the heuristics it was shown gain or lose
// confidence. The rules are the original ELF's (reference E.3), with word boundaries added so that
// "terror" or "errorless" are not errors. A wrong "failure" punishes good heuristics, so failure words
// inside a reassuring phrase ("no errors", "fixed the bug") do not count.

export type Outcome = 'success' | 'failure' | 'unknown';

// `error` and `exception` only count as a label ("Error: ENOENT"): as plain nouns they fill successful
// summaries ("added error messages", "exception types"). `failed` is a verb and counts as a word too
// ("3 tests failed.", "1 failed, 2 passed"), but not as part of a compound ("failed-over").
const failurePatterns: RegExp[] = [
  /\berror\s*:/gi,
  /\bexception\s*:/gi,
  // `TypeError:`, `AssertionError:`: word boundaries would skip them, and lower-case "terror:" must not match.
  /\b[A-Z][A-Za-z0-9]*(?:Error|Exception):/g,
  /\bfailed(?::|\b(?!-))/gi,
  /\bcould not\b/gi,
  /\bunable to\b/gi,
  /\[blocker\]/gi,
  /\btraceback\b/gi,
  /\bpermission denied\b/gi,
  /\b(?:timeout|timed out)\b/gi,
  /\bnot found[ \t.!\r]*$/gim,
];

// Phrases in which a failure word says the opposite. Checked within 30 characters of the match.
const noun = '(?:errors?|failures?|failed|failing|bugs?|issues?|exceptions?)';
const repairVerb = '(?:fixed|resolved|corrected|repaired)';
const falsePositives: RegExp[] = [
  /\bwas not found to be\b/i,
  /\berror[ -]handling\b/i,
  /\bno errors?\b/i,
  /\bwithout (?:any )?errors?\b/i,
  /\berror-free\b/i,
  new RegExp(`\\b${repairVerb}\\b[^\\n]{0,40}?\\b${noun}`, 'i'),
  new RegExp(`\\b${noun}\\b[^\\n]{0,40}?\\b${repairVerb}\\b`, 'i'),
  /\b(?:investigated|analy[sz]ed)\b[^\n]{0,40}?\bfail(?:ure|ures|ed|ing)\b/i,
  /\b(?:handles|handling)\b[^\n]{0,20}?\berrors?\b/i,
  /\bexception[ -]handl/i,
  /\b(?:0|no|zero|none)\s+(?:\w+\s+)?failed\b/i,
  // A setting, not an event: `timeout: 3s`, `timeout=30`, `--timeout 10s`.
  /\btimeout["']?\s*[:=]?\s*\d/i,
];
const guardWindow = 30;

const successPatterns: RegExp[] = [
  /\bsuccessfully\s+\w+/i,
  /\bcompleted successfully\b/i,
  /\btask (?:is )?complete(?:d)?\b/i,
  /\b(?:work|task) is (?:done|finished)\b/i,
  /\ball tests (?:pass|passed|passing)\b/i,
  /\[success\]/i,
  /^#{2,}\s*findings\b/im,
  /\bI(?: have|'ve|’ve) completed\b/i,
  /\bhere are the findings\b/i,
  /\b(?:summary|recommendations):/i,
  /\b(?:created|fixed|updated|implemented|analy[sz]ed|identified|removed|refactored|tested|deployed|added|wrote|modified|configured|installed|resolved|verified|migrated|documented|optimized)\s+\w+/i,
];

/** Output that is more than a stray word or two counts as work done when nothing says otherwise. */
const substantialLength = 50;

export function classifyOutcome(output: unknown): { outcome: Outcome; reason: string } {
  let text: string;
  try {
    text = extractText(output, 0, new WeakSet()).trim();
  } catch {
    // A hostile getter or proxy: nothing trustworthy to read.
    return { outcome: 'unknown', reason: 'unknown: unreadable output' };
  }
  if (!text) return { outcome: 'unknown', reason: 'unknown: empty output' };

  const failure = findFailure(text);
  if (failure) return { outcome: 'failure', reason: `failure: "${failure}"` };

  for (const pattern of successPatterns) {
    const match = pattern.exec(text);
    if (match) return { outcome: 'success', reason: `success: "${label(match[0])}"` };
  }
  if (text.length > substantialLength) {
    return { outcome: 'success', reason: 'success: substantial output without errors' };
  }
  return { outcome: 'unknown', reason: 'unknown: short output without signals' };
}

/** The first failure phrase that no nearby reassuring phrase explains away, in pattern order. */
function findFailure(text: string): string | undefined {
  for (const pattern of failurePatterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = Math.max(0, match.index - guardWindow);
      const around = text.slice(start, match.index + match[0].length + guardWindow);
      if (!falsePositives.some((guard) => guard.test(around))) return label(match[0]);
    }
  }
  return undefined;
}

const label = (matched: string) => matched.trim().toLowerCase().replace(/\s+/g, ' ');

// Deep enough for `{ content: [{ type: 'text', text }] }` inside a wrapper or two, shallow enough that a
// pathological payload cannot blow the stack.
const maxDepth = 8;

/**
 * Claude Code sends a Task result as a string, `{ content: [{ type: 'text', text }] }`, a bare array of
 * parts, or an object with `result` / `output` / `text`. Anything else holds no text.
 */
function extractText(value: unknown, depth: number, seen: WeakSet<object>): string {
  if (typeof value === 'string') return value;
  if (depth > maxDepth || value === null || typeof value !== 'object') return '';
  // Each object is read once, so shared or cyclic parts cannot multiply the work.
  if (seen.has(value)) return '';
  seen.add(value);
  if (Array.isArray(value)) {
    return value
      .map((part) => extractText(part, depth + 1, seen))
      .filter(Boolean)
      .join('\n');
  }
  const record = value as Record<string, unknown>;
  for (const field of ['content', 'text', 'result', 'output']) {
    const found = extractText(record[field], depth + 1, seen);
    if (found) return found;
  }
  return '';
}
