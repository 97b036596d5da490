import type { Database } from '@elf/schema';
import type { ExpressionBuilder } from 'kysely';

type WithOptionalDomain = 'decisions' | 'invariants' | 'assumptions' | 'spike_reports';

/** Items of this domain and items of none: an item without a domain applies to every domain. */
export function appliesToDomain(domain: string) {
  return (eb: ExpressionBuilder<Database, WithOptionalDomain>) =>
    eb.or([eb('domain', '=', domain), eb('domain', 'is', null)]);
}
