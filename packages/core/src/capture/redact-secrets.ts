// Hook payloads and agent output routinely carry tokens, keys and passwords, and whatever is stored is
// later injected into other agents' contexts, so secrets are replaced before anything reaches the
// database. Payloads can be megabytes of tool output, so every pattern is shaped to scan in linear time:
// each match can only start where a token begins (a literal prefix, or a lookbehind that rejects a
// preceding token character), and any repetition the engine might retry is bounded.

export type SecretKind =
  | 'private'
  | 'private-key'
  | 'jwt'
  | 'aws-access-key'
  | 'aws-secret-key'
  | 'github-token'
  | 'gitlab-token'
  | 'api-key'
  | 'slack-token'
  | 'google-api-key'
  | 'connection-string'
  | 'bearer'
  | 'assignment';

type Groups = Record<string, string | undefined>;

interface Rule {
  kind: SecretKind;
  /** Global regex; named group `secret` is replaced, `keep` and `tail` around it stay. */
  pattern: RegExp;
  /** False for look-alikes that the shape alone cannot rule out (prose words, placeholders). */
  accept?: (secret: string, groups: Groups) => boolean;
}

const hasDigit = (value: string) => /\d/.test(value);

// Names of settings whose value is a secret, matched as the last component of a key (`DB_PASSWORD`,
// `x-api-key`, `client_secret`), never inside a longer word (`passwords`, `tokenizer`, `max_tokens`).
const keyword = 'passw(?:or)?d|pwd|secret(?:[_-]?key)?|access[_-]?key|api[_-]?key|apikey|token';
const key = `(?<key>[A-Za-z0-9_.-]{0,64}?(?:${keyword}))(?![A-Za-z0-9_.-])`;
const keyStart = '(?<![A-Za-z0-9_.-])';
const separator = `["']?[ \\t]*(?::=|=>|[:=])[ \\t]*`;

/** Values that name a secret rather than contain one: references, placeholders, code, literals. */
function isPlaceholder(value: string, groups: Groups): boolean {
  if (/^(?:null|nil|none|undefined|true|false)$/i.test(value) || /^\*+$/.test(value)) return true;
  // `${VAR}`, `%VAR%`, `<your-token>`, `{{ secrets.X }}`, and calls such as `getToken()`.
  if (/^[$%<{(]/.test(value) || /^[A-Za-z_$][\w$.]*\(/.test(value)) return true;
  if (/^(?:process\.env|os\.environ|env|self|this|config|settings|options|request|req|params)[.[]/.test(value))
    return true;
  // `PWD=/home/me` is the shell's working directory, not a password.
  return /pwd$/i.test(groups.key ?? '') && /^[/~.]/.test(value);
}

const acceptValue = (secret: string, groups: Groups) => !isPlaceholder(secret, groups);

/** A quoted value (spaces allowed, quotes kept) and a bare one (up to whitespace, quote, `&`, `,`, `;`). */
function assignmentRules(lead: string, accept: Rule['accept']): Rule[] {
  const quoted = `(?<keep>${lead}(?<quote>["']))(?<secret>(?:(?!\\k<quote>)[^\\r\\n])+)(?<tail>\\k<quote>)`;
  const bare = `(?<keep>${lead})(?<secret>[^\\s"'&,;-][^\\s"'&,;]*)`;
  return [quoted, bare].map((source) => ({ kind: 'assignment', pattern: new RegExp(keyStart + source, 'gi'), accept }));
}

// Order matters: whole blocks first (a PEM body must not be half-matched by a generic rule), JWTs before
// bearer tokens and assignments, specific prefixed tokens before the generic `key=value` rules.
const rules: Rule[] = [
  {
    kind: 'private-key',
    pattern:
      /(?<secret>-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|$))/g,
  },
  {
    kind: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)/g,
  },
  {
    kind: 'aws-access-key',
    pattern:
      /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Za-z0-9])/g,
  },
  {
    kind: 'aws-secret-key',
    pattern:
      /(?<keep>aws[_-]?secret[_-]?access[_-]?key["']?[ \t]*[:=][ \t]*["']?)(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
  },
  {
    kind: 'github-token',
    pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g,
  },
  { kind: 'gitlab-token', pattern: /(?<![A-Za-z0-9_-])(?<secret>glpat-[A-Za-z0-9_-]{20,})/g },
  {
    // OpenAI (`sk-`, `sk-proj-`), Anthropic (`sk-ant-`) and Stripe secret keys. Real keys always contain
    // digits; kebab-case words that happen to start with `sk-` do not.
    kind: 'api-key',
    pattern: /(?<![A-Za-z0-9_])(?<secret>sk-[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,})/g,
    accept: (secret) => hasDigit(secret.slice(3)),
  },
  {
    // `xoxo-hugs-and-kisses` has the shape but no digits; Slack tokens always carry numeric ids.
    kind: 'slack-token',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xox[abposr]-[A-Za-z0-9-]{10,})/g,
    accept: hasDigit,
  },
  {
    kind: 'google-api-key',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/g,
  },
  {
    // Only the password between `user:` and `@host` goes; scheme, user and host stay useful.
    kind: 'connection-string',
    pattern:
      /(?<![A-Za-z0-9+.-])(?<keep>[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:/@]{0,256}:)(?<secret>[^\s@/]{1,256})(?=@)/g,
  },
  {
    // "Bearer authentication-scheme" in prose is a lower-case word, not a token.
    kind: 'bearer',
    pattern: /(?<keep>\bBearer[ \t]+)(?<secret>[A-Za-z0-9._~+/-]{16,}=*)/gi,
    accept: (secret) => !/^[a-z-]+$/.test(secret),
  },
  ...assignmentRules(`${key}${separator}`, acceptValue),
  // `--password hunter2`: a space-separated flag value. All-lower-case words are left alone there,
  // because prose mentions flags ("pass --password on the command line").
  ...assignmentRules(`--${key}[ \\t]+`, (secret, groups) => !/^[a-z]+$/.test(secret) && acceptValue(secret, groups)),
];

// An unclosed <private> hides everything after it: better to lose a tail than to store what was meant
// to be private.
const privateSpan = /<private>[\s\S]*?(?:<\/private>|$)/gi;

export function redactSecrets(text: string): { text: string; redactions: Record<string, number> } {
  const redactions: Record<string, number> = {};
  const count = (kind: SecretKind) => {
    redactions[kind] = (redactions[kind] ?? 0) + 1;
  };

  let result = text.replace(privateSpan, () => {
    count('private');
    return '';
  });

  for (const rule of rules) {
    result = result.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.at(-1) as Groups;
      const secret = groups.secret ?? match;
      // A value that is already a marker (second pass, or a token redacted by an earlier rule) stays.
      if (secret.startsWith('[REDACTED:') || (rule.accept && !rule.accept(secret, groups))) return match;
      count(rule.kind);
      return `${groups.keep ?? ''}[REDACTED:${rule.kind}]${groups.tail ?? ''}`;
    });
  }

  return { text: result, redactions };
}
