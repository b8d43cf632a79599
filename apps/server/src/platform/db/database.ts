import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
} from 'kysely';
import pg from 'pg';
import { dialectFor, type Dialect, type DbKind } from './dialect.ts';
import type { Database } from './schema.ts';

// COUNT(*) and bigint columns come back from pg as strings; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Transactions on SQLite begin IMMEDIATE: a deferred transaction that reads and then writes can fail at
 * once with SQLITE_BUSY when another process (the CLI, a second server) holds the write lock, because
 * SQLite cannot wait out a lock upgrade. Taking the write lock up front lets busy_timeout queue writers.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely's SQLite driver prepares every statement afresh; preparing was the largest single cost of a
 * registration (a CPU profile: 7.5% in `prepare`, bench/incoming-register). Queries are built from a
 * small set of shapes, so their compiled statements are kept in an LRU keyed by SQL text. A statement
 * still being iterated (a stream) is never handed out twice: a busy one is replaced by a fresh prepare.
 * SQLite re-prepares a cached statement by itself when the schema changes.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 500): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) {
        cache.delete(cache.keys().next().value as string);
      }
      return stmt;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

function sqliteDialect(sqlite: SQLite.Database): KyselyDialect {
  const database = withStatementCache(sqlite);
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver({ database }),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  kind: DbKind;
  /** Path of the SQLite file, when on SQLite. */
  sqlitePath: string | null;
  close(): Promise<void>;
}

export function databaseKindOf(url: string): DbKind {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Opens the database named by `DATABASE_URL`, or the embedded SQLite file in `DATA_DIR`. */
export function openDatabase({ databaseUrl, dataDir }: { databaseUrl: string; dataDir: string }): DatabaseHandle {
  const kind = databaseKindOf(databaseUrl);
  if (kind === 'postgres') {
    // jit = off: JIT compilation pays off for long analytical queries; ours are short, and on the 1M
    // benchmark the planner's cost estimates for capped counts crossed jit_above_cost and spent more
    // time compiling than running (docs/benchmarks.md). A server-wide setting can still override it.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: '-c jit=off' });
    // An idle client whose server connection drops (PostgreSQL restart, failover, pg_terminate_backend)
    // emits 'error' on the pool; unhandled, that would kill the process. The pool replaces the client.
    pool.on('error', (err) => {
      process.stderr.write(`${JSON.stringify({ level: 50, msg: 'postgres idle client error', err: err.message })}\n`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: dialectFor(kind), kind, sqlitePath: null, close: () => db.destroy() };
  }
  const file = databaseUrl.startsWith('sqlite:')
    ? databaseUrl.slice('sqlite:'.length)
    : path.join(dataDir, 'vanphong.sqlite');
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The query planner needs statistics to pick the index that matches ORDER BY … LIMIT over a filtered
  // list; without them it sorts whole tables (bench/sqlite-list-plans.mjs). Recommended at connection open.
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
  return { db, dialect: dialectFor(kind), kind, sqlitePath: file === ':memory:' ? null : file, close: () => db.destroy() };
}
