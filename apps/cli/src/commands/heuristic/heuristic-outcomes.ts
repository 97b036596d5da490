import type { AppliedOutcome } from '@elf/core';
import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { type ItemStep, itemAction } from '../../runtime/item-action.js';
import { heuristicLine } from './heuristic-format.js';

function outcomeLine(verb: string, r: AppliedOutcome): string {
  const notes = [
    r.promoted ? 'promoted to golden rule' : null,
    r.promotionSuggested ? 'now qualifies as a golden rule (promotion.mode suggest: elf heuristic promote)' : null,
    r.demoted ? 'demoted: 3 violations within 7 days' : null,
    r.demotionSuggested ? 'violated 3 times within 7 days (promotion.mode suggest: elf heuristic demote)' : null,
    r.becameDormant ? 'now dormant (no longer injected)' : null,
  ].filter(Boolean);
  return `${verb} heuristic #${r.heuristicId}: confidence ${r.oldConfidence} → ${r.newConfidence}${notes.length ? `; ${notes.join('; ')}` : ''}`;
}

/** `elf heuristic validate|violate|promote|demote|revive` — a person's changes, always applied and audited. */
export function registerHeuristicOutcomeCommands(heuristic: Command, cli: CliContext): void {
  for (const [name, verb, description] of [
    ['validate', 'validated', 'the rule held: confidence moves up (audited as manual)'],
    [
      'violate',
      'violated',
      'the rule did not hold: confidence moves down; on a golden rule it is a violation of record',
    ],
  ] as const) {
    heuristic
      .command(`${name} <id>`)
      .description(description)
      .option('--session <id>', 'the session it happened in (counts toward its once-per-session limit)')
      .option('--note <text>', 'why, kept in the history')
      .action(
        itemAction(
          cli,
          ({ core, elf, id, opts }: ItemStep<{ session?: string; note?: string }>) =>
            (name === 'validate' ? core.validateHeuristic : core.violateHeuristic)(elf.core, {
              id,
              sessionId: opts.session?.slice(0, 200) ?? null,
              note: opts.note ?? null,
            }),
          (result) => outcomeLine(verb, result),
        ),
      );
  }

  for (const [name, description] of [
    ['promote', 'make a heuristic a golden rule (whatever its thresholds: a person decides)'],
    ['demote', 'make a golden rule an ordinary heuristic again (confidence capped at 0.8)'],
  ] as const) {
    heuristic
      .command(`${name} <id>`)
      .description(description)
      .option('--reason <text>', 'why, kept in the history')
      .action(
        itemAction(
          cli,
          ({ core, elf, id, opts }: ItemStep<{ reason?: string }>) =>
            (name === 'promote' ? core.promoteHeuristic : core.demoteHeuristic)(elf.core, {
              id,
              reason: opts.reason ?? null,
            }),
          (h) => `${name}d: ${heuristicLine(h)}`,
        ),
      );
  }

  heuristic
    .command('revive <id>')
    .description('bring a dormant or archived heuristic back: active again, confidence at least 0.35')
    .option('--reason <text>', 'why, kept in the history')
    .action(
      itemAction(
        cli,
        ({ core, elf, id, opts }: ItemStep<{ reason?: string }>) =>
          core.reviveHeuristic(elf.core, { id, reason: opts.reason ?? null }),
        (result) => outcomeLine('revived', result),
      ),
    );
}
