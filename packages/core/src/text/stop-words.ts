// One stop-word list. `functionWords` carry no subject and are left out of every search and
// relevance comparison. `ruleFormWords` are how a rule is phrased ("always", "never", "use …
// before …"): they matter to a search, but not when asking what a rule is about (revival).

export const functionWords: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this to too was we were what ' +
    'when where which while who why will with would you your'
  ).split(' '),
);

export const ruleFormWords: ReadonlySet<string> = new Set(
  'always never should must dont avoid prefer before after every any all may use using'.split(' '),
);
