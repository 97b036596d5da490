import { type GoldenRuleView, goldenRulesBlockBody, upsertManagedBlock } from '@elf/hooks';
import type { GoldenTarget } from './golden-targets.js';

// Imported when `elf golden export` runs (it loads @elf/hooks, which owns the block's format:
// the hooks read what this writes).

export const cursorFrontMatter =
  '---\ndescription: Golden rules from ELF, managed by `elf golden export`\nalwaysApply: true\n---\n';

/** What goes between the markers. The .mdc file is ELF's own, so its heading is the document's. */
export function renderGoldenRulesBody(target: GoldenTarget, rules: readonly GoldenRuleView[]): string {
  return goldenRulesBlockBody(rules, target === 'cursor' ? 1 : 2);
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
