import type { Elf, Heuristic } from '@elf/core';
import { fitLines } from './fit.js';

const ruleLine = (rule: Heuristic) =>
  `- #${rule.id} ${rule.rule.replace(/\s+/g, ' ')} (${rule.domain}, confidence ${rule.confidence.toFixed(2)})`;

/** The golden rules that apply here (global, and this project's), most proven first, within a budget. */
export async function goldenRulesText(elf: Elf, budget: number, domain?: string): Promise<string> {
  const { rules } = await elf.goldenRules({ limit: 1000 });
  const chosen = domain ? rules.filter((rule) => rule.domain === domain) : rules;
  if (chosen.length === 0) return domain ? `No golden rules in ${domain}.` : 'No golden rules yet.';
  const head = `# Golden rules (${chosen.length}${domain ? ` in ${domain}` : ''}): proven; follow them.`;
  return fitLines(
    head,
    chosen.map(ruleLine),
    budget,
    (n) => `${n} more rule${n === 1 ? '' : 's'}`,
    'raise budget or name a domain',
  ).text;
}
