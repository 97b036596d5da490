import type { Candidate, OmittedItem, Section } from '../candidates/candidate.js';
import type { DepthProfile, Tier } from '../config.js';
import { DuplicateFilter } from '../relevance/near-duplicate.js';
import type { HeadingKey, TokenModel } from '../tokens/token-model.js';
import { shortened } from './shorten.js';

export interface PlacedItem {
  candidate: Candidate;
  /** The body as rendered: the whole item, or shortened at a sentence or word boundary. */
  body: string;
  shortened: boolean;
  /** Price of its line (an upper bound of its real token count). */
  tokens: number;
}

export interface PackResult {
  placed: PlacedItem[];
  /** Left out for room, or as the same rule as one placed before it. */
  omitted: OmittedItem[];
  /** Tokens by tier, headings included. */
  tierTokens: Record<Tier, number>;
  /** Header + tiers + note: the price of the whole text. */
  tokens: number;
  note: string | null;
}

/** Fewer tokens than this hold no useful item (a 40-character cut and its decoration take more). */
const minUsefulTokens = 6;

const tierHeading: Record<Tier, HeadingKey> = { 0: 'tier0', 1: 'tier1', 2: 'tier2', 3: 'tier3' };

export function noteText(count: number, budget: number): string {
  return `\n_${count} more item${count === 1 ? '' : 's'} left out to stay within ${budget} tokens._\n`;
}

/**
 * Greedy packing by score, whatever the tier (the tiers are only the layout): the project's
 * context.md first, then every candidate from the highest score down. The same rule in other
 * words as one already placed (core's "same rule?": near-identical word sets, or one containing
 * the other; never a rule and its negation) is left out, so the higher-scored wording stays. An item longer than the
 * item cap, or than what is left, is shortened when a useful part fits; one that does not fit is
 * passed over for the smaller ones after it, so the budget fills up while candidates remain.
 * Every price is an upper bound of the real count, so the text never exceeds the budget.
 */
export function pack(candidates: Candidate[], budget: number, profile: DepthProfile, model: TokenModel): PackResult {
  const order = [...candidates].sort(
    (a, b) =>
      Number(b.kind === 'project_context') - Number(a.kind === 'project_context') ||
      b.score - a.score ||
      a.tier - b.tier,
  );
  const header = model.heading('header');
  // Room for the final note, kept back only when something is left out (see the end).
  const noteReserve = model.heading('note');
  const placed: PlacedItem[] = [];
  const omitted: OmittedItem[] = [];
  const openedTiers = new Set<Tier>();
  const openedSections = new Set<Section>();
  const tierTokens: Record<Tier, number> = { 0: 0, 1: 0, 2: 0, 3: 0 };
  const headingPrice = (c: Candidate) =>
    (openedTiers.has(c.tier) ? 0 : model.heading(tierHeading[c.tier])) +
    (openedSections.has(c.section) || c.section === 'project' || c.section === 'golden' ? 0 : model.heading(c.section));
  const room = Math.max(0, budget - header - noteReserve);
  const rules = new DuplicateFilter();
  let spent = 0;
  for (const c of order) {
    // Nothing useful fits in the last few tokens: the rest is left out without pricing it.
    if (room - spent < minUsefulTokens) {
      omitted.push({ kind: c.kind, id: c.id, reason: 'budget' });
      continue;
    }
    // The same rule in other words as one placed before (a higher score) is left out.
    if (c.dedupText !== null && rules.isDuplicate(c.dedupText)) {
      omitted.push({ kind: c.kind, id: c.id, reason: 'duplicate' });
      continue;
    }
    const headings = headingPrice(c);
    const left = room - spent - headings;
    const decoration = model.text(c.prefix + c.suffix);
    const cap = c.kind === 'project_context' ? left : Math.min(profile.itemCap, left);
    const full = decoration + model.text(c.body, c.bodyTokens);
    let body = c.body;
    let price = full;
    if (full > cap) {
      const short = cap > decoration ? shortened(c.body, cap - decoration, model, c.bodyTokens) : null;
      if (!short) {
        omitted.push({ kind: c.kind, id: c.id, reason: 'budget' });
        continue;
      }
      body = short.text;
      price = decoration + short.tokens;
    }
    spent += headings + price;
    tierTokens[c.tier] += headings + price;
    openedTiers.add(c.tier);
    openedSections.add(c.section);
    placed.push({ candidate: c, body, shortened: body !== c.body, tokens: price });
    if (c.dedupText !== null) rules.keep(c.dedupText);
  }
  const leftOut = omitted.filter((o) => o.reason === 'budget').length;
  const note = leftOut > 0 ? noteText(leftOut, budget) : null;
  // The note's price is its bound: any count and budget of up to five digits (three per token).
  const total = header + spent + (note ? noteReserve : 0);
  return { placed, omitted, tierTokens, tokens: total, note };
}
