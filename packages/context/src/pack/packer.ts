import type { Candidate, OmittedItem, Section } from '../candidates/candidate.js';
import type { DepthProfile, Tier } from '../config.js';
import { DuplicateFilter } from '../relevance/near-duplicate.js';
import type { HeadingKey, TokenModel } from '../tokens/token-model.js';
import { shorten } from './shorten.js';

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
  omitted: OmittedItem[];
  /** Tokens by tier, headings included. */
  tierTokens: Record<Tier, number>;
  /** Header + tiers + note: the price of the whole text. */
  tokens: number;
  note: string | null;
}

const tierHeading: Record<Tier, HeadingKey> = { 0: 'tier0', 1: 'tier1', 2: 'tier2', 3: 'tier3' };

export function noteText(count: number, budget: number): string {
  return `\n_${count} more item${count === 1 ? '' : 's'} left out to stay within ${budget} tokens._\n`;
}

/**
 * Greedy packing by score, whatever the tier (the tiers are only the layout): the project's
 * context.md first, then every candidate from the highest score down. An item longer than the
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
  let spent = 0;
  for (const c of order) {
    const headings = headingPrice(c);
    const left = room - spent - headings;
    const decoration = model.text(c.prefix + c.suffix);
    const cap = c.kind === 'project_context' ? left : Math.min(profile.itemCap, left);
    const full = decoration + model.text(c.body, c.bodyTokens);
    let body = c.body;
    let price = full;
    if (full > cap) {
      const short = cap > decoration ? shorten(c.body, cap - decoration, model, c.bodyTokens) : null;
      if (!short) {
        omitted.push({ kind: c.kind, id: c.id, reason: 'budget' });
        continue;
      }
      body = short;
      price = decoration + model.cut(c.body, short.length - 1, '…', c.bodyTokens);
    }
    spent += headings + price;
    tierTokens[c.tier] += headings + price;
    openedTiers.add(c.tier);
    openedSections.add(c.section);
    placed.push({ candidate: c, body, shortened: body !== c.body, tokens: price });
  }
  const note = omitted.length > 0 ? noteText(omitted.length, budget) : null;
  // The note's price is its bound: any count and budget of up to five digits (three per token).
  const total = header + spent + (note ? noteReserve : 0);
  return { placed, omitted, tierTokens, tokens: total, note };
}

/**
 * Keeps one rule of each group that says the same thing (core's "same rule?": the same words,
 * nearly the same word set, or one containing the other, and never a rule and its negation): a
 * golden rule over anything else, then the higher tier, then the higher score.
 */
export function dropNearDuplicates(candidates: Candidate[]): { kept: Candidate[]; duplicates: Candidate[] } {
  const priority = (c: Candidate) => (c.tier === 1 ? -1 : c.tier);
  const ordered = [...candidates].sort((a, b) => priority(a) - priority(b) || b.score - a.score);
  const filter = new DuplicateFilter();
  const duplicates = new Set<Candidate>();
  for (const c of ordered) {
    if (!c.dedupText) continue;
    if (filter.keepUnlessDuplicate(c.dedupText)) duplicates.add(c);
  }
  return { kept: candidates.filter((c) => !duplicates.has(c)), duplicates: [...duplicates] };
}
