import type { Insertable, Selectable } from 'kysely';
import type { Timestamp } from './timestamps.js';

/** Configuration kept in the database (e.g. `promotion.mode`): one value per key. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export type SettingRow = Selectable<SettingTable>;
export type NewSettingRow = Insertable<SettingTable>;
