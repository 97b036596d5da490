import type { Section } from '../candidates/candidate.js';
import type { Tier } from '../config.js';
import type { PlacedItem } from '../pack/packer.js';
import { type HeadingKey, headingText } from '../tokens/token-model.js';

/** Rendering order of sections within their tier. */
const sectionOrder: Record<Tier, Section[]> = {
  0: ['project'],
  1: ['golden'],
  2: ['heuristics', 'learnings', 'decisions', 'invariants', 'assumptions', 'spikes'],
  3: ['recent_failures', 'experiments', 'reviews'],
};
const tierHeading: Record<Tier, HeadingKey> = { 0: 'tier0', 1: 'tier1', 2: 'tier2', 3: 'tier3' };

/** Within a section: the project file, then rules, then past failures, then other learnings; each by score. */
function order(a: PlacedItem, b: PlacedItem): number {
  const rank = ({ candidate: c }: PlacedItem) =>
    c.kind === 'project_context' ? 0 : c.kind === 'learning' ? (c.prefix.startsWith('- [failure') ? 2 : 3) : 1;
  return rank(a) - rank(b) || b.candidate.score - a.candidate.score;
}

/** The context as Markdown: header, tiers in order, one line per item, then the left-out note. */
export function renderMarkdown(placed: PlacedItem[], note: string | null): string {
  let text = headingText.header;
  for (const tier of [0, 1, 2, 3] as Tier[]) {
    const inTier = placed.filter((p) => p.candidate.tier === tier);
    if (inTier.length === 0) continue;
    text += headingText[tierHeading[tier]];
    for (const section of sectionOrder[tier]) {
      const items = inTier.filter((p) => p.candidate.section === section).sort(order);
      if (items.length === 0) continue;
      if (section !== 'project' && section !== 'golden') text += headingText[section];
      for (const item of items) text += item.candidate.prefix + item.body + item.candidate.suffix;
    }
  }
  return note ? text + note : text;
}
