import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';

export type DbKind = 'sqlite' | 'postgres';

/**
 * Every difference between SQLite and PostgreSQL lives here (issue 2 §3).
 * Conventions that make most code dialect-free: timestamps are ISO-8601 UTC text, calendar dates are
 * `YYYY-MM-DD` text, booleans are integers 0/1, JSON is text. Mappers in repositories convert.
 */
export interface Dialect {
  kind: DbKind;
  /** Adds an auto-increment integer primary key column. */
  addId<T extends string>(t: CreateTableBuilder<T, never>, name?: string): CreateTableBuilder<T, never>;
  /** Row lock for read-modify-write (PostgreSQL); SQLite serialises writers, so it is a no-op there. */
  forUpdate<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** `FOR UPDATE SKIP LOCKED` where supported, for job claiming. */
  skipLocked<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  isUniqueViolation(err: unknown): boolean;
  isForeignKeyViolation(err: unknown): boolean;
  /**
   * Serialises transactions that share `key` until they end (check-then-write sections such as the login
   * throttle). PostgreSQL: a transaction-scoped advisory lock; SQLite: nothing to do, every transaction
   * already holds the write lock from BEGIN IMMEDIATE.
   */
  lockKey(trx: AnyDb, key: string): Promise<void>;
}

const code = (err: unknown): string => (typeof err === 'object' && err && 'code' in err ? String(err.code) : '');

export const sqliteDialect: Dialect = {
  kind: 'sqlite',
  addId: (t, name = 'id') => t.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()),
  forUpdate: (q) => q,
  skipLocked: (q) => q,
  isUniqueViolation: (e) => code(e) === 'SQLITE_CONSTRAINT_UNIQUE' || code(e) === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  isForeignKeyViolation: (e) => code(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  lockKey: async () => {},
};

export const postgresDialect: Dialect = {
  kind: 'postgres',
  addId: (t, name = 'id') => t.addColumn(name, 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey()),
  forUpdate: (q) => q.forUpdate(),
  skipLocked: (q) => q.forUpdate().skipLocked(),
  isUniqueViolation: (e) => code(e) === '23505',
  isForeignKeyViolation: (e) => code(e) === '23503',
  lockKey: async (trx, key) => {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  },
};

export const dialectFor = (kind: DbKind): Dialect => (kind === 'sqlite' ? sqliteDialect : postgresDialect);

export type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
