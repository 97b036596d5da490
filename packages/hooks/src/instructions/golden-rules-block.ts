/** The fields of a golden heuristic that the block shows. */
export interface GoldenRuleView {
  rule: string;
  explanation: string | null;
  domain: string;
  times_validated: number;
}

/**
 * Stored text is data: one line per rule, and no HTML comment delimiters, so a rule can neither
 * break the list nor end the managed block early.
 */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replaceAll('<!--', '&lt;!--').replaceAll('-->', '--&gt;');
}

/** How a rule's text starts its list item: what the export writes and what the hooks look for. */
const ruleHead = (rule: string) => `**${inline(rule)}**`;

function ruleLine(rule: GoldenRuleView, index: number): string {
  const explanation = rule.explanation ? inline(rule.explanation) : '';
  const domain = inline(rule.domain);
  const validations = `${rule.times_validated} validation${rule.times_validated === 1 ? '' : 's'}`;
  const meta = [domain, validations].filter(Boolean).join(', ');
  return [`${index + 1}. ${ruleHead(rule.rule)}`, explanation ? `— ${explanation}` : '', `_(${meta})_`]
    .filter(Boolean)
    .join(' ');
}

/**
 * What goes between the markers, in the order given (the query's: most validated first): a
 * heading (level 1 where the file is ELF's own, 2 where the block is one section of the user's
 * file), the managed-by line and a numbered list.
 */
export function goldenRulesBlockBody(rules: readonly GoldenRuleView[], level: 1 | 2 = 2): string {
  return [
    `${'#'.repeat(level)} Golden rules (from ELF)`,
    '',
    'Managed by `elf golden export`: edits inside this block are overwritten on the next export.',
    '',
    ...(rules.length === 0 ? ['_No golden rules yet._'] : rules.map(ruleLine)),
  ].join('\n');
}

/**
 * The rules of `rules` that a block lists, by their text as the export writes it (`N. **rule**`).
 * A rule promoted or reworded since the export is not listed, so the agent is still shown it.
 */
export function listedGoldenRules<R extends { rule: string }>(block: string, rules: readonly R[]): R[] {
  const items = block
    .split('\n')
    .map((line) => /^\s*\d+\. (.*?)\r?$/.exec(line)?.[1])
    .filter((item): item is string => item !== undefined);
  if (items.length === 0) return [];
  return rules.filter((r) => {
    const head = ruleHead(r.rule);
    return items.some((item) => item === head || item.startsWith(`${head} `));
  });
}
