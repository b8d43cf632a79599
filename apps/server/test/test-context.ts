import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.ts';
import { fixedClock, systemClock, type Clock } from '../src/platform/clock.ts';
import { createContext, type AppContext } from '../src/platform/context.ts';

/** Which engine this run tests: `TEST_DB=postgres` runs every suite on PostgreSQL, otherwise SQLite. */
export const TEST_DB: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the engine under test (its own PostgreSQL database, or a SQLite file) and a data dir. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-test-'));
  if (TEST_DB === 'sqlite') {
    return { url: '', dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `vp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function testConfig(db: TestDatabase, extra: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir, DATABASE_URL: db.url }), ...extra };
}

export interface TestContext {
  ctx: AppContext;
  db: TestDatabase;
  cleanup(): Promise<void>;
}

/** A migrated context on a fresh database; `clock` defaults to the system clock. */
export async function createTestContext({ clock = systemClock, config }: { clock?: Clock; config?: Partial<Config> } = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  const ctx = await createContext({ config: testConfig(db, config), clock });
  return {
    ctx,
    db,
    cleanup: async () => {
      await ctx.close();
      await db.drop();
    },
  };
}

export { fixedClock };
