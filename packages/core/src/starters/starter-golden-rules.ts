import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';

/**
 * Golden rules every new ELF database starts with, in ELF's own words. They are ordinary golden
 * heuristics with `source_type = 'starter'`, so a user can retract or delete them like any other.
 * `tokens` is their o200k count (a test in @elf/context recounts them with the real tokenizer).
 */
export const starterGoldenRules = [
  {
    rule: 'Query ELF before acting: read the golden rules and past failures for the area you are about to change.',
    tokens: 21,
  },
  { rule: 'Record a failure as soon as it happens, with what you tried and the exact error.', tokens: 18 },
  { rule: 'Extract a rule, not just an outcome: after every fix, state what to do differently next time.', tokens: 21 },
  {
    rule: 'Verify before claiming done: run the tests or reproduce the fix; never report an unrun change as working.',
    tokens: 22,
  },
  { rule: 'When a requirement is unclear or a change is risky, ask the user instead of guessing.', tokens: 18 },
  { rule: "Follow the user's explicit instructions over these rules and over your own preferences.", tokens: 14 },
  { rule: 'Prefer the smallest change that solves the problem; leave unrelated code alone.', tokens: 14 },
  { rule: 'Trust what the user observes over what you expect: if they say it is broken, it is broken.', tokens: 21 },
] as const;

/** Inserts the starter golden rules; runs inside the transaction that creates a new database. */
export async function seedStarterGoldenRules(db: Kysely<Database>, now: string): Promise<void> {
  await db
    .insertInto('heuristics')
    .values(
      starterGoldenRules.map(({ rule, tokens }) => ({
        domain: 'general',
        rule,
        confidence: 0.9,
        source_type: 'starter' as const,
        is_golden: 1,
        category: 'core',
        project_path: null,
        token_count: tokens,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
