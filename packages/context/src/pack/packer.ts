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

const tiers: Tier[] = [0, 1, 2, 3];
const tierHeading: Record<Tier, HeadingKey> = { 0: 'tier0', 1: 'tier1', 2: 'tier2', 3: 'tier3' };

export function noteText(count: number, budget: number): string {
  return `\n_${count} more item${count === 1 ? '' : 's'} left out to stay within ${budget} tokens._\n`;
}

/**
 * Greedy packing by tier priority. Each tier first gets its share of the budget; what a tier
 * does not use is pooled and offered to all tiers again, in priority order. Items longer than
 * the item cap, or than what is left, are shortened when a useful part fits. Every price is an
 * upper bound of the real count, so the text never exceeds the budget.
 */
export function pack(candidates: Candidate[], budget: number, profile: DepthProfile, model: TokenModel): PackResult {
  // Tier by tier; within tiers 0 and 2 by relevance, tiers 1 and 3 keep their order.
  candidates = [...candidates].sort(
    (a, b) => a.tier - b.tier || (a.tier === 1 || a.tier === 3 ? 0 : b.score - a.score),
  );
  const header = model.heading('header');
  const noteReserve = model.text(noteText(99_999, budget));
  const base = Math.max(0, budget - header - noteReserve);
  const byTier = new Map<Tier, Candidate[]>(tiers.map((t) => [t, []]));
  for (const candidate of candidates) byTier.get(candidate.tier)?.push(candidate);

  const placed: PlacedItem[] = [];
  const done = new Set<Candidate>();
  const omitted: OmittedItem[] = [];
  const openedTiers = new Set<Tier>();
  const openedSections = new Set<Section>();
  const tierTokens: Record<Tier, number> = { 0: 0, 1: 0, 2: 0, 3: 0 };

  const headingPrice = (c: Candidate) =>
    (openedTiers.has(c.tier) ? 0 : model.heading(tierHeading[c.tier])) +
    (openedSections.has(c.section) || c.section === 'project' || c.section === 'golden' ? 0 : model.heading(c.section));

  const packTier = (tier: Tier, allowance: number): number => {
    let spent = 0;
    for (const c of byTier.get(tier) ?? []) {
      if (done.has(c)) continue;
      const left = allowance - spent - headingPrice(c);
      const decoration = model.text(c.prefix + c.suffix);
      const cap = c.kind === 'project_context' ? left : Math.min(profile.itemCap, left);
      const full = decoration + model.text(c.body, c.bodyTokens);
      let body = c.body;
      let price = full;
      if (full > cap) {
        const short = shorten(c.body, cap - decoration, model);
        if (!short) continue;
        body = short;
        price = decoration + model.text(short);
      }
      const cost = headingPrice(c) + price;
      spent += cost;
      tierTokens[tier] += cost;
      openedTiers.add(c.tier);
      openedSections.add(c.section);
      done.add(c);
      placed.push({ candidate: c, body, shortened: body !== c.body, tokens: price });
    }
    return spent;
  };

  // First pass: each tier within its share. Second pass: the pooled remainder, in tier order.
  let pool = 0;
  for (const tier of tiers) {
    const allowance = Math.floor(profile.shares[tier] * base);
    pool += allowance - packTier(tier, allowance);
  }
  for (const tier of tiers) {
    if (profile.shares[tier] > 0) pool -= packTier(tier, pool);
  }

  for (const candidate of candidates) {
    if (!done.has(candidate)) omitted.push({ kind: candidate.kind, id: candidate.id, reason: 'budget' });
  }
  const leftOut = omitted.filter((o) => o.reason === 'budget').length;
  const note = leftOut > 0 ? noteText(leftOut, budget) : null;
  const total = header + tiers.reduce((sum: number, t) => sum + tierTokens[t], 0) + (note ? model.text(note) : 0);
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
