import { upsertManagedBlock } from './managed-block.js';

/** Files that agents read on their own: Claude Code, the AGENTS.md convention, Cursor's rules. */
export const goldenTargets = ['claude-md', 'agents-md', 'cursor'] as const;
export type GoldenTarget = (typeof goldenTargets)[number];

/** Relative to the project root. */
export const defaultTargetFiles: Record<GoldenTarget, string> = {
  'claude-md': 'CLAUDE.md',
  'agents-md': 'AGENTS.md',
  cursor: '.cursor/rules/elf-golden-rules.mdc',
};

/** The fields of a golden heuristic that the export shows. */
export interface GoldenRuleView {
  rule: string;
  explanation: string | null;
  domain: string;
  times_validated: number;
}

export const cursorFrontMatter =
  '---\ndescription: Golden rules from ELF, managed by `elf golden export`\nalwaysApply: true\n---\n';

/**
 * Stored text is data: one line per rule, and no HTML comment delimiters, so a rule can neither
 * break the list nor end the managed block early.
 */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replaceAll('<!--', '&lt;!--').replaceAll('-->', '--&gt;');
}

function ruleLine(rule: GoldenRuleView, index: number): string {
  const explanation = rule.explanation ? inline(rule.explanation) : '';
  const domain = inline(rule.domain);
  const validations = `${rule.times_validated} validation${rule.times_validated === 1 ? '' : 's'}`;
  const meta = [domain, validations].filter(Boolean).join(', ');
  return [`${index + 1}. **${inline(rule.rule)}**`, explanation ? `— ${explanation}` : '', `_(${meta})_`]
    .filter(Boolean)
    .join(' ');
}

/** What goes between the markers, in the order given (the query's: most validated first). */
export function renderGoldenRulesBody(target: GoldenTarget, rules: readonly GoldenRuleView[]): string {
  // The .mdc file is ELF's own, so its heading is the document's; elsewhere it is one section.
  const heading = target === 'cursor' ? '# Golden rules (from ELF)' : '## Golden rules (from ELF)';
  return [
    heading,
    '',
    'Managed by `elf golden export`: edits inside this block are overwritten on the next export.',
    '',
    ...(rules.length === 0 ? ['_No golden rules yet._'] : rules.map(ruleLine)),
  ].join('\n');
}

/**
 * The whole file after an export: the block upserted into what is there. A new (or empty) Cursor
 * rules file starts with the front matter that makes Cursor always apply it.
 */
export function renderGoldenFile(
  target: GoldenTarget,
  existing: string | null,
  rules: readonly GoldenRuleView[],
): string {
  const body = renderGoldenRulesBody(target, rules);
  if (target === 'cursor' && (existing === null || existing === '')) {
    return cursorFrontMatter + upsertManagedBlock(null, body);
  }
  return upsertManagedBlock(existing, body);
}
