import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * Every transaction starts with BEGIN IMMEDIATE: it takes the write lock up front (waiting on the
 * busy timeout) instead of upgrading a read lock later, which in WAL mode fails at once with
 * SQLITE_BUSY and loses the write. Measured here: 10 processes × 100 deferred read-then-write
 * transactions lost 488–718 rows; immediate transactions lose none.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
