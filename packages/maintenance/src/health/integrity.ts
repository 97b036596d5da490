import { type Database, sqliteCause } from '@elf/schema';
import { type Kysely, sql } from 'kysely';

export interface IntegrityResult {
  ok: boolean;
  mode: 'full' | 'quick';
  /** "ok", or the first problems SQLite reported. */
  messages: string[];
  durationMs: number;
}

/** PRAGMA integrity_check (every page and index) or quick_check (faster, skips index contents). */
export async function checkIntegrity(
  db: Kysely<Database>,
  options: { quick?: boolean } = {},
): Promise<IntegrityResult> {
  const started = performance.now();
  const mode = options.quick ? 'quick' : 'full';
  const statement = options.quick ? sql`pragma quick_check(50)` : sql`pragma integrity_check(50)`;
  let messages: string[];
  try {
    const rows = (await statement.execute(db)).rows as Array<Record<string, string>>;
    messages = rows.map((row) => String(Object.values(row)[0]));
  } catch (error) {
    // Damage bad enough that the check itself cannot read a page is a finding, not a crash.
    const driver = sqliteCause(error);
    if (!driver || !/^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(driver.code)) throw error;
    messages = [`${driver.message} (${driver.code})`];
  }
  return {
    ok: messages.length === 1 && messages[0] === 'ok',
    mode,
    messages,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  };
}
