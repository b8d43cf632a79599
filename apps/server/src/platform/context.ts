import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.ts';
import { systemClock, type Clock } from './clock.ts';
import { openDatabase } from './db/database.ts';
import type { Dialect, DbKind } from './db/dialect.ts';
import { migrateToLatest } from './db/migrations/registry.ts';
import type { Database } from './db/schema.ts';

/** Everything a use case may need from the platform, built once per process (or per test). */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  dbKind: DbKind;
  sqlitePath: string | null;
  clock: Clock;
  close(): Promise<void>;
}

export async function createContext({ config, clock = systemClock }: { config: Config; clock?: Clock }): Promise<AppContext> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest({ db: handle.db, dialect: handle.dialect });
  return {
    config,
    db: handle.db,
    dialect: handle.dialect,
    dbKind: handle.kind,
    sqlitePath: handle.sqlitePath,
    clock,
    close: handle.close,
  };
}

export type Trx = Transaction<Database>;

/** Runs `fn` in one transaction: the change and its audit event commit together or not at all. */
export function inTransaction<T>(ctx: Pick<AppContext, 'db'>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(fn);
}
