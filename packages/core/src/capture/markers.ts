// Agents teach ELF by writing `[LEARNED:domain] text` in their output. Each marker becomes a heuristic
// (a rule: it says always/never/should…, or gives an order) or an observation (a plain fact). The marker grammar follows
// the original ELF (`[LEARN`, optional `ED`/`ING`, optional domain), but the rule words must be whole
// words here: the original's substring test turned "shoulder" and "mustard" into rules.
import { toDomain } from '../text/domains.js';

export interface Marker {
  domain: string | null;
  text: string;
  kind: 'heuristic' | 'observation';
}

/** The original ELF's column limits: a heuristic's rule and a learning's summary-sized note. */
const maxHeuristic = 500;
const maxObservation = 5_000;

// `[LEARNED]`, `[learning: api]`, `[LEARN]`, `[LEARNED:]`; the hint stops at `]` and never crosses lines.
// `[LEARNINGS]` is not a marker: the hint must follow a colon or a space. Excluding `[` from the hint
// keeps a line full of unclosed `[learn:` from being rescanned once per occurrence.
const marker = /\[learn(?:ed|ing)?(?:[:\s](?<hint>[^[\]\r\n]*))?\]/gi;

const ruleWord =
  /(?<![\p{L}\p{N}_])(?:always|never|should(?:n['’]?t)?|must(?:n['’]?t)?|don['’]?t|avoid|prefer|needs?|(?:has|have) to)(?![\p{L}\p{N}_])/iu;

// An imperative states a rule too ("Add an index on issued_at before exporting by date"): the text
// opens with one of these verbs in its base form, or does after an opening clause ("When the
// cache is cold, warm it first", "In this repo, run …"). A closed list, not a tagger: "Cache
// tokens" is an order, "caches live in ~/.pnpm-store" a fact.
const imperativeVerbs = new Set(
  (
    'add allow apply ask assert avoid await backfill batch bump cache call cap chain check chown clean clear ' +
    'close commit compare configure convert copy create debounce declare dedupe default defer delete deploy ' +
    'disable drain drop emit enable encode ensure escape exclude expire export extract fetch filter flush ' +
    'follow force freeze gate generate give guard handle hash hoist hold ignore import include increase index ' +
    'inject install invalidate isolate keep kill label leave limit list load lock log lower make map mark ' +
    'match measure memoise memoize merge migrate mock mount move name normalise normalize open order ' +
    'override paginate parse pass pin poll prefix preload prune publish pull purge push put quote raise ' +
    'read rebase rebuild recreate reduce refresh register reject release reload remove rename replace ' +
    'require reset resolve restart retry return reuse revalidate revert review rotate run sanitise sanitize ' +
    'scope seed send serialise serialize serve set sign skip sort split squash start stop store stream stub ' +
    'tag tear test throttle throw time trim truncate turn unset update upgrade use validate verify wait warm ' +
    'wrap write'
  ).split(' '),
);
const openingClause = /^(?:when|whenever|if|before|after|once|unless|in|on|for|with|during)\b[^,;:]{1,120}[,;:]\s*/i;

function isImperative(text: string): boolean {
  const first = (body: string) => /^[\p{L}]+/u.exec(body)?.[0]?.toLowerCase() ?? '';
  // Each sentence, and each part after a semicolon or colon ("… are harmless; resolve them with …").
  return text.split(/[.;:!?]\s+/).some((part) => {
    if (imperativeVerbs.has(first(part))) return true;
    const clause = openingClause.exec(part);
    return clause !== null && imperativeVerbs.has(first(part.slice(clause[0].length)));
  });
}

export function extractMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const found = [...line.matchAll(marker)];
    found.forEach((match, i) => {
      // The text runs to the next marker on the same line, or to the end of the line.
      const end = found[i + 1]?.index ?? line.length;
      const body = stripEmphasis(line.slice((match.index ?? 0) + match[0].length, end));
      if (!body) return;
      // Decided on the text a heuristic would keep, so a stored rule always shows its rule word.
      const asRule = capAtWord(body, maxHeuristic);
      const kind = ruleWord.test(asRule) || isImperative(asRule) ? 'heuristic' : 'observation';
      const capped = kind === 'heuristic' ? asRule : capAtWord(body, maxObservation);
      // `[LEARNED: api]` and `[LEARNED::api]` name `api`; a hint that is no valid domain names none.
      const domain = toDomain((match.groups?.hint ?? '').trim().replace(/^:\s*/, ''));
      const identity = `${domain ?? ''}\u0000${capped.toLowerCase().replace(/\s+/g, ' ')}`;
      if (seen.has(identity)) return;
      seen.add(identity);
      markers.push({ domain, text: capped, kind });
    });
  }
  return markers;
}

/**
 * `- **[LEARNED:api]** text` leaves `** text` after the marker, and `**[LEARNED] text**` leaves a
 * closing `**`; both belong to the markdown around the marker, not to the lesson.
 */
function stripEmphasis(raw: string): string {
  // Only a run glued to the `]` closes emphasis opened before the marker; `] _WAL_ mode` is the text's own.
  let body = raw.replace(/^[*_~`]+/, '').trim();
  body = body.replace(/^[:–—-]\s+/, '').trim();
  const closing = /([*_~])\1*$/.exec(body);
  if (closing?.[1]) {
    const before = body.slice(0, closing.index);
    // Only an unbalanced run is markdown left over from around the marker; `snake_case_` stays.
    if (before.split(closing[1]).length - 1 < closing[0].length) body = before.trim();
  }
  return body;
}

/** At most `max` characters, cut at the last space when there is one in the second half. */
function capAtWord(body: string, max: number): string {
  if (body.length <= max) return body;
  const space = body.lastIndexOf(' ', max);
  let cut = space > max / 2 ? space : max;
  // Never leave half of a surrogate pair at the end.
  if (cut === max && /[\uD800-\uDBFF]/.test(body.charAt(cut - 1))) cut--;
  return body.slice(0, cut).trimEnd();
}
