import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_VERSION, type Config } from '../../config.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { databaseKindOf, openDatabase } from '../db/database.ts';
import { postgresDialect } from '../db/dialect.ts';
import { MIGRATIONS, migrateToLatest } from '../db/migrations/registry.ts';
import { FILE_KEY_NAME } from '../files/files.crypto.ts';
import { ENCRYPTED_SUFFIX, TEMP_PREFIX } from '../files/files.store.ts';
import {
  describeEntries,
  ensurePrivateDir,
  extractArchive,
  FORMAT,
  FORMAT_VERSION,
  linkOrCopy,
  listFiles,
  MANIFEST_NAME,
  packArchive,
  PRIVATE_FILE_MODE,
  verifyExtracted,
  type Manifest,
} from './backup.archive.ts';
import { kindOf, tableExists, type AnyKysely } from './backup.catalog.ts';
import { backupErrors } from './backup.errors.ts';
import { exportPostgres, restorePostgres } from './backup.postgres.ts';
import { restoreSqlite, snapshotSqlite, SQLITE_ENTRY } from './backup.sqlite.ts';

export { databaseChecksums } from './backup.checksums.ts';
export type { Manifest } from './backup.archive.ts';

/** A plain blob is named by its SHA-256; an encrypted one (`<sha256>.enc`) by the SHA-256 of its plaintext. */
const BLOB_NAME = /^[0-9a-f]{64}(\.enc)?$/;

/** The SQLite file a configuration points at (same rule as `openDatabase`). */
export const sqliteFileOf = (config: Pick<Config, 'databaseUrl' | 'dataDir'>) =>
  config.databaseUrl.startsWith('sqlite:')
    ? config.databaseUrl.slice('sqlite:'.length)
    : path.join(config.dataDir, 'vanphong.sqlite');

export const defaultBackupPath = (config: Pick<Config, 'dataDir'>, now: Date) =>
  path.join(
    config.dataDir,
    'backups',
    `vanphong-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}.tar.gz`,
  );

/** Opens the configured database without migrating it (a backup never changes what it copies). */
async function withDatabase<T>(
  config: Config,
  ctx: Pick<AppContext, 'db'> | undefined,
  fn: (db: AnyKysely) => Promise<T>,
): Promise<T> {
  if (ctx) {
    return fn(ctx.db);
  }
  if (databaseKindOf(config.databaseUrl) === 'sqlite' && !existsSync(sqliteFileOf(config))) {
    throw backupErrors.noDatabase(sqliteFileOf(config));
  }
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

/** Stored blobs of the file store (`files/<aa>/<bb>/<sha256>`), without temporary files of uploads in progress. */
async function storedBlobs(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'files');
  if (!existsSync(root)) {
    return [];
  }
  return (await listFiles(root)).filter(
    (p) => BLOB_NAME.test(path.posix.basename(p)) && !path.posix.basename(p).startsWith(TEMP_PREFIX),
  );
}

/**
 * Writes ONE archive: `manifest.json`, a consistent database snapshot and the file store.
 * The database is copied first and the files second: bytes are always written before their row, so
 * every file row in the snapshot finds its bytes in the archive (later uploads may add unused blobs).
 */
export async function createBackup({
  config: given,
  ctx,
  out,
  clock = ctx?.clock ?? systemClock,
}: {
  config?: Config;
  /** A running context (its database connection is used as is); otherwise the database of `config` is opened. */
  ctx?: Pick<AppContext, 'db' | 'config' | 'clock'>;
  out?: string;
  clock?: Clock;
}): Promise<{ file: string; manifest: Manifest }> {
  const config = given ?? ctx?.config;
  if (!config) {
    throw new Error('createBackup needs a config or a context');
  }
  const now = clock.now();
  const file = path.resolve(out ?? defaultBackupPath(config, now));
  await fs.mkdir(config.dataDir, { recursive: true });
  if (out === undefined) {
    // Our own backups folder: owner-only, tightened even when an older version created it 0755.
    await ensurePrivateDir(path.dirname(file));
  }
  // Staging inside DATA_DIR so the blobs can be hard-linked rather than copied (mkdtemp: 0700).
  const staging = await fs.mkdtemp(path.join(config.dataDir, '.backup-'));
  try {
    await fs.mkdir(path.join(staging, 'db'));
    const { kind, tables, migrations } = await withDatabase(config, ctx, async (db) => {
      const k = kindOf(db);
      const snap =
        k === 'sqlite'
          ? await snapshotSqlite({ db, file: path.join(staging, SQLITE_ENTRY) })
          : await exportPostgres({ db, dir: staging });
      return { kind: k, ...snap };
    });
    const blobs = await storedBlobs(config.dataDir);
    for (const b of blobs) {
      await linkOrCopy(path.join(config.dataDir, 'files', b), path.join(staging, 'files', b));
    }
    await fs.mkdir(path.join(staging, 'files'), { recursive: true });
    const entries = await describeEntries(
      staging,
      (await listFiles(staging)).filter((p) => p !== MANIFEST_NAME),
    );
    const fileEntries = entries.filter((e) => e.path.startsWith('files/'));
    // Encrypted blobs are checked by their GCM tag when read, not by their name (ciphertext hash ≠ name).
    const encrypted = fileEntries.filter((e) => e.path.endsWith(ENCRYPTED_SUFFIX));
    const warnings = fileEntries
      .filter((e) => !e.path.endsWith(ENCRYPTED_SUFFIX) && path.posix.basename(e.path) !== e.sha256)
      .map((e) => `${e.path}: stored bytes do not match their name (damaged before the backup)`)
      .concat(
        encrypted.length > 0
          ? [
              `${encrypted.length} encrypted files: their key (VANPHONG_FILE_KEY or ${FILE_KEY_NAME} in DATA_DIR) is not in this archive — keep a copy of it separately`,
            ]
          : [],
      );
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: APP_VERSION,
      createdAt: now.toISOString(),
      db: { kind, migrations, tables },
      files: { count: fileEntries.length, bytes: fileEntries.reduce((s, e) => s + e.size, 0) },
      entries,
      warnings,
    };
    await fs.writeFile(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: PRIVATE_FILE_MODE,
    });
    await packArchive({ staging, out: file });
    return { file, manifest };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** What in the target would be lost: any audit event, account or file row, or any stored blob. */
async function targetData(config: Config): Promise<string[]> {
  const found: string[] = [];
  if ((await storedBlobs(config.dataDir)).length > 0) {
    found.push(`files in ${path.join(config.dataDir, 'files')}`);
  }
  const kind = databaseKindOf(config.databaseUrl);
  if (kind === 'sqlite' && !existsSync(sqliteFileOf(config))) {
    return found;
  }
  await withDatabase(config, undefined, async (db) => {
    for (const table of ['audit_events', 'users', 'files']) {
      if (await tableExists(db, table)) {
        const row = await db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirst();
        if (Number(row?.n ?? 0) > 0) {
          found.push(`rows in ${table}`);
        }
      }
    }
  });
  return found;
}

/**
 * Restores an archive made by `createBackup`. Order of operations, so that a bad archive or a refused
 * target changes nothing: extract to a temporary folder → verify EVERY checksum in the manifest →
 * check engine and version → refuse a non-empty target without `force` → stage the files → replace the
 * database (SQLite: file swap; PostgreSQL: one transaction) → swap the files folder.
 * Stop the server before restoring: a running process would keep the old database open.
 */
export async function restoreBackup({
  config,
  archive,
  force = false,
}: {
  config: Config;
  archive: string;
  force?: boolean;
}): Promise<{ manifest: Manifest }> {
  if (!existsSync(archive)) {
    throw backupErrors.unreadable(`${archive} does not exist`);
  }
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'vp-restore-'));
  const filesDir = path.join(config.dataDir, 'files');
  const incoming = `${filesDir}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    await extractArchive({ archive, into: staging });
    const manifest = await verifyExtracted(staging);
    const targetKind = databaseKindOf(config.databaseUrl);
    if (manifest.db.kind !== targetKind) {
      throw backupErrors.engineMismatch(manifest.db.kind, targetKind);
    }
    const known = new Set(MIGRATIONS.map((m) => m.name));
    const unknown = manifest.db.migrations.filter((m) => !known.has(m));
    if (unknown.length > 0) {
      throw backupErrors.newerVersion(unknown);
    }
    const existing = await targetData(config);
    if (existing.length > 0 && !force) {
      throw backupErrors.targetNotEmpty(existing.join(', '));
    }

    await fs.mkdir(config.dataDir, { recursive: true });
    await fs.mkdir(path.join(staging, 'files'), { recursive: true });
    await fs.cp(path.join(staging, 'files'), incoming, { recursive: true });
    if (targetKind === 'sqlite') {
      await restoreSqlite({
        source: path.join(staging, SQLITE_ENTRY),
        target: sqliteFileOf(config),
        expected: manifest.db.tables,
      });
    } else {
      const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest({ db: handle.db, dialect: postgresDialect });
        await restorePostgres({
          db: handle.db,
          dir: staging,
          expected: manifest.db.tables,
          migrations: manifest.db.migrations,
        });
      } finally {
        await handle.close();
      }
    }
    const old = `${filesDir}.old-${randomBytes(4).toString('hex')}`;
    if (existsSync(filesDir)) {
      await fs.rename(filesDir, old);
    }
    await fs.rename(incoming, filesDir);
    await fs.rm(old, { recursive: true, force: true });
    return { manifest };
  } finally {
    await fs.rm(incoming, { recursive: true, force: true });
    await fs.rm(staging, { recursive: true, force: true });
  }
}
