import fs from 'node:fs/promises';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { PRIVATE_FILE_MODE, type TableSummary } from './backup.archive.ts';
import { appliedMigrations, type AnyKysely } from './backup.catalog.ts';
import { backupErrors } from './backup.errors.ts';
import { tableSummaries } from './backup.checksums.ts';

export const SQLITE_ENTRY = 'db/vanphong.sqlite';

async function withFile<T>(
  file: string,
  fn: (db: AnyKysely, raw: SQLite.Database) => Promise<T>,
): Promise<T> {
  const raw = new SQLite(file, { fileMustExist: true });
  const db: AnyKysely = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
  try {
    return await fn(db, raw);
  } finally {
    await db.destroy();
  }
}

/**
 * A consistent copy of a live SQLite database: `VACUUM INTO` reads inside one read transaction, so
 * writers of a running server neither block it nor tear it, and the copy is compact. The copy is set to
 * rollback-journal mode so the archive holds one self-contained file.
 */
export async function snapshotSqlite({
  db,
  file,
}: {
  db: AnyKysely;
  file: string;
}): Promise<{ tables: TableSummary[]; migrations: string[] }> {
  await sql`vacuum into ${file}`.execute(db);
  // The copy holds password hashes and TOTP secrets (see PRIVATE_FILE_MODE).
  await fs.chmod(file, PRIVATE_FILE_MODE);
  return withFile(file, async (snap, raw) => {
    raw.pragma('journal_mode = DELETE');
    return { tables: await tableSummaries(snap), migrations: await appliedMigrations(snap) };
  });
}

/**
 * Puts the archived database in place of `target`: copied beside it, checked (SQLite's own integrity
 * check and the manifest's per-table checksums), then renamed over it. The old `-wal`/`-shm` files are
 * removed first: SQLite would otherwise replay the old log into the restored file.
 */
export async function restoreSqlite({
  source,
  target,
  expected,
}: {
  source: string;
  target: string;
  expected: TableSummary[];
}): Promise<void> {
  const tmp = `${target}.restoring-${process.pid}`;
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.copyFile(source, tmp);
  try {
    // Owner-only before it is opened, checked and renamed into place as the live database.
    await fs.chmod(tmp, PRIVATE_FILE_MODE);
    await withFile(tmp, async (db, raw) => {
      const check = raw.pragma('integrity_check', { simple: true });
      if (check !== 'ok') {
        throw backupErrors.corrupt([`${SQLITE_ENTRY}: integrity check says ${String(check)}`]);
      }
      const actual = new Map((await tableSummaries(db)).map((t) => [t.name, t.sha256]));
      const wrong = expected.filter((t) => actual.get(t.name) !== t.sha256).map((t) => t.name);
      if (wrong.length > 0) {
        throw backupErrors.verifyFailed(wrong);
      }
    });
    for (const suffix of ['-wal', '-shm', '-journal']) {
      await fs.rm(`${target}${suffix}`, { force: true });
    }
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
