import { type Database, ElfError } from '@elf/schema';
import type { Kysely } from 'kysely';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { writeTransaction } from '../transaction.js';

/** Where a heuristic applies: everywhere, or only in one project (see record/scope.ts). */
export const heuristicScopes = ['global', 'project'] as const;
export type HeuristicScope = (typeof heuristicScopes)[number];

/**
 * How the knowledge lifecycle behaves, from recording a rule to archiving it; stored in the
 * database's settings table, defaults below.
 */
export interface LifecycleConfig {
  /** The scope of a heuristic recorded without one (`elf record heuristic`, [LEARNED] markers). */
  defaultScope: HeuristicScope;
  /** `auto`: promote (and demote) as soon as the thresholds are crossed; `suggest`: list them. */
  promotionMode: 'auto' | 'suggest';
  /** Automatic (hook) outcome updates per heuristic per UTC day. */
  dailyCap: number;
  /** Days unused before a heuristic starts to decay. */
  decayIdleDays: number;
  /** One decay step per this many further idle days. */
  decayStepDays: number;
  /** A non-golden heuristic whose confidence falls below this becomes dormant. */
  dormantBelow: number;
  /**
   * … or once it has been violated (or contradicted) this many times without ever holding: proven
   * wrong, it stops being shown long before its confidence reaches the floor.
   */
  dormantAfterViolations: number;
  /** Days dormant before a heuristic is archived. */
  archiveAfterDays: number;
}

export const defaultLifecycleConfig: LifecycleConfig = {
  defaultScope: 'global',
  promotionMode: 'auto',
  dailyCap: 5,
  decayIdleDays: 30,
  decayStepDays: 14,
  dormantBelow: 0.2,
  dormantAfterViolations: 3,
  archiveAfterDays: 90,
};

interface SettingSpec {
  field: keyof LifecycleConfig;
  help: string;
  parse(value: string): LifecycleConfig[keyof LifecycleConfig] | undefined;
  rule: string;
}

const integer = (min: number, max: number) => (value: string) => {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** The settings a person may change (`elf config set KEY VALUE`). */
export const lifecycleSettings: Readonly<Record<string, SettingSpec>> = {
  'promotion.mode': {
    field: 'promotionMode',
    help: 'auto: promote/demote when thresholds are crossed; suggest: list candidates for a person',
    parse: (v) => (v === 'auto' || v === 'suggest' ? v : undefined),
    rule: 'auto or suggest',
  },
  'confidence.daily-cap': {
    field: 'dailyCap',
    help: 'automatic outcome updates per heuristic per day',
    parse: integer(1, 1000),
    rule: 'an integer 1..1000',
  },
  'decay.idle-days': {
    field: 'decayIdleDays',
    help: 'days unused before a heuristic starts to decay',
    parse: integer(1, 3650),
    rule: 'an integer 1..3650',
  },
  'decay.step-days': {
    field: 'decayStepDays',
    help: 'one decay step (× 0.92) per this many further idle days',
    parse: integer(1, 365),
    rule: 'an integer 1..365',
  },
  'dormancy.below': {
    field: 'dormantBelow',
    help: 'confidence below which a non-golden heuristic becomes dormant',
    parse: (v) => {
      const n = /^\s*(0(\.\d+)?|1(\.0+)?)\s*$/.test(v) ? Number(v) : Number.NaN;
      return n >= 0.05 && n <= 0.9 ? n : undefined;
    },
    rule: 'a number 0.05..0.9',
  },
  'dormancy.after-violations': {
    field: 'dormantAfterViolations',
    help: 'violations, without a validation, after which a non-golden heuristic becomes dormant',
    parse: integer(1, 1000),
    rule: 'an integer 1..1000',
  },
  'archive.after-days': {
    field: 'archiveAfterDays',
    help: 'days dormant before a heuristic is archived',
    parse: integer(1, 3650),
    rule: 'an integer 1..3650',
  },
  'record.default-scope': {
    field: 'defaultScope',
    help: 'scope of a heuristic recorded without --global/--project: global (every project) or project (only where recorded)',
    parse: (v) => (v === 'global' || v === 'project' ? v : undefined),
    rule: 'global or project',
  },
};

/** The scope a heuristic recorded without one gets: one primary-key read of its setting. */
export async function defaultHeuristicScope(db: Kysely<Database>): Promise<HeuristicScope> {
  const stored = await readState(db, 'record.default-scope');
  return stored === 'project' ? 'project' : defaultLifecycleConfig.defaultScope;
}

/** Keys ELF keeps for itself (not settable): e.g. when check-in last reported promotions. */
export const stateKeys = { lastCheckIn: 'state.last-check-in', lastMaintain: 'state.last-maintain' } as const;

/** The lifecycle configuration: stored values over defaults (one indexed read). */
export async function lifecycleConfig(db: Kysely<Database>): Promise<LifecycleConfig> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).limit(200).execute();
  const config: Record<string, unknown> = { ...defaultLifecycleConfig };
  for (const row of rows) {
    const spec = lifecycleSettings[row.key];
    const value = spec?.parse(row.value);
    if (spec && value !== undefined) config[spec.field] = value;
  }
  return config as unknown as LifecycleConfig;
}

/** Sets one setting after checking it; a bad key or value names itself and changes nothing. */
export async function setSetting(ctx: CoreHandle, key: string, value: string): Promise<{ key: string; value: string }> {
  const spec = Object.hasOwn(lifecycleSettings, key) ? lifecycleSettings[key] : undefined;
  if (!spec) {
    throw new ElfError(
      'INVALID_INPUT',
      `key: unknown setting "${key}" (one of ${Object.keys(lifecycleSettings).join(', ')})`,
      {
        field: 'key',
      },
    );
  }
  if (spec.parse(value) === undefined) {
    throw new ElfError('INVALID_INPUT', `${key}: must be ${spec.rule}, got "${value}"`, { field: key });
  }
  const text = value.trim();
  await writeState(ctx, key, text);
  return { key, value: text };
}

/** Every setting a person may change, with its current value and whether it is the default. */
export async function listSettings(db: Kysely<Database>) {
  const config = await lifecycleConfig(db);
  return Object.entries(lifecycleSettings).map(([key, spec]) => ({
    key,
    value: String(config[spec.field]),
    default: config[spec.field] === defaultLifecycleConfig[spec.field],
    help: spec.help,
  }));
}

export async function readState(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeState(ctx: CoreHandle, key: string, value: string): Promise<void> {
  const now = nowIso(ctx);
  await writeTransaction(ctx.db, (trx) =>
    trx
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute(),
  );
}
