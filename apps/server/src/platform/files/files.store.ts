import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PostgresAdapter, type Kysely } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/audit.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { AppContext, Trx } from '../context.ts';
import { dialectFor, type Dialect } from '../db/dialect.ts';
import type { Database, FilesTable } from '../db/schema.ts';
import { fileErrors } from './files.errors.ts';
import { cleanFileName, sniffUpload } from './files.sniff.ts';

export interface FileRecord {
  id: number;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
  createdAt: string;
  createdBy: number | null;
}

export interface BrokenBlob {
  sha256: string;
  path: string;
  reason: 'missing' | 'hash_mismatch';
  fileIds: number[];
}

/** Bytes checked and written to disk, not yet registered in the database (see `FileStore.stage`). */
export interface StagedFile {
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
}

interface RegisterInput {
  staged: StagedFile;
  createdBy: number | null;
  trx: Trx;
  audit?: AuditContext;
}

export interface FileStore {
  readonly maxBytes: number;
  /**
   * Checks `bytes` (size, type sniffing), hashes them and writes them to disk (content-addressed, once
   * per content). Touches no database: call it BEFORE opening the transaction, so a slow disk never
   * holds SQLite's single write lock (security review, fix 4).
   */
  stage(input: { bytes: Buffer; name: string }): Promise<StagedFile>;
  /**
   * Adds the row of staged bytes and its `files.uploaded` audit event **on `trx`**, so the record and
   * its audit event commit together. Quick: no file I/O.
   */
  register(input: RegisterInput): Promise<FileRecord>;
  /**
   * `stage` then `register` on `trx`, for callers whose transaction is short-lived anyway (tests, tools).
   * Request handlers stage first and open their transaction afterwards.
   */
  put(input: {
    bytes: Buffer;
    name: string;
    createdBy: number | null;
    trx: Trx;
    audit?: AuditContext;
  }): Promise<FileRecord>;
  /** The row only, for access checks before any byte is read. */
  find(id: number, via?: Kysely<Database>): Promise<FileRecord | null>;
  /** The row and the bytes, verified against their SHA-256; a mismatch raises `files.integrity`. */
  read(id: number, via?: Kysely<Database>): Promise<{ record: FileRecord; bytes: Buffer }>;
  /** Re-hashes every stored content the database refers to. */
  verifyAll(): Promise<{ checked: number; broken: BrokenBlob[] }>;
  pathOf(sha256: string): string;
}

export interface StoreLogger {
  error(obj: object, msg: string): void;
}

const stderrLogger: StoreLogger = {
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...obj })}\n`),
};

/** Temporary names start with this prefix; backups and checks skip them. */
export const TEMP_PREFIX = '.tmp-';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

const toRecord = (r: { id: number } & Omit<FilesTable, 'id'>): FileRecord => ({
  id: r.id,
  sha256: r.sha256,
  size: Number(r.size),
  contentType: r.content_type,
  originalName: r.original_name,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const dialectOf = (db: Kysely<Database>): Dialect =>
  dialectFor(db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

const isMissing = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';

/**
 * The content-addressed store: bytes live at `${dataDir}/files/<aa>/<bb>/<sha256>`, written to a
 * temporary file in the same directory, flushed and renamed, so a crash leaves either the whole file or
 * nothing under the final name. Bytes are written before the row: a rolled-back transaction leaves an
 * unreferenced blob (harmless, the same content reuses it), never a row without bytes.
 */
export function createFileStore({
  dataDir,
  db,
  maxBytes,
  dialect = dialectOf(db),
  clock = systemClock,
  log = stderrLogger,
}: {
  dataDir: string;
  db: Kysely<Database>;
  maxBytes: number;
  dialect?: Dialect;
  clock?: Clock;
  log?: StoreLogger;
}): FileStore {
  const root = path.join(dataDir, 'files');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  async function writeBlob(sha256: string, bytes: Buffer): Promise<void> {
    const target = pathOf(sha256);
    const existing = await fs.stat(target).catch(() => null);
    // Same content already stored (dedup) — unless the copy on disk is damaged, then it is rewritten.
    if (existing && existing.size === bytes.length && (await sha256OfFile(target)) === sha256) {
      return;
    }
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `${TEMP_PREFIX}${sha256}-${randomBytes(6).toString('hex')}`);
    try {
      const fh = await fs.open(tmp, 'wx', 0o640);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    const dh = await fs.open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  }

  async function auditContextFor(trx: Trx, createdBy: number | null): Promise<AuditContext> {
    if (createdBy === null) {
      return { actorUserId: null, actorName: 'system', ip: null };
    }
    const u = await trx.selectFrom('users').select('username').where('id', '=', createdBy).executeTakeFirst();
    return { actorUserId: createdBy, actorName: u?.username ?? `user:${createdBy}`, ip: null };
  }

  // `via`: pass the caller's transaction when reading inside one (SQLite has a single connection).
  async function find(id: number, via: Kysely<Database> = db): Promise<FileRecord | null> {
    const row = await via.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async function stage({ bytes, name }: { bytes: Buffer; name: string }): Promise<StagedFile> {
    if (bytes.length > maxBytes) {
      throw fileErrors.tooLarge(maxBytes);
    }
    const originalName = cleanFileName(name);
    const { contentType } = await sniffUpload({ bytes, name: originalName });
    const sha256 = sha256Of(bytes);
    // Written outside any transaction. If the later insert fails, the blob stays unreferenced: harmless
    // in a content-addressed store (no row points at it; the next upload of the same content reuses it).
    await writeBlob(sha256, bytes);
    return { sha256, size: bytes.length, contentType, originalName };
  }

  async function register({ staged, createdBy, trx, audit }: RegisterInput): Promise<FileRecord> {
    const { sha256, size, contentType, originalName } = staged;
    const row = await trx
      .insertInto('files')
      .values({
        sha256,
        size,
        content_type: contentType,
        original_name: originalName,
        created_at: clock.now().toISOString(),
        created_by: createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      { trx, dialect, clock, ctx: audit ?? (await auditContextFor(trx, createdBy)) },
      {
        action: 'files.uploaded',
        entityType: 'file',
        entityId: row.id,
        details: { sha256, size, contentType, originalName },
      },
    );
    return toRecord(row);
  }

  return {
    maxBytes,
    pathOf,
    find,

    stage,
    register,

    async put({ bytes, name, createdBy, trx, audit }) {
      return register({ staged: await stage({ bytes, name }), createdBy, trx, audit });
    },

    async read(id, via) {
      const record = await find(id, via);
      if (!record) {
        throw fileErrors.notFound();
      }
      const file = pathOf(record.sha256);
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch (err) {
        if (!isMissing(err)) {
          throw err;
        }
        log.error(
          { fileId: id, sha256: record.sha256, path: file },
          'files.integrity: stored bytes are missing',
        );
        throw fileErrors.integrity(id);
      }
      const actual = sha256Of(bytes);
      if (actual !== record.sha256 || bytes.length !== record.size) {
        // Never serve damaged bytes: a changed document must not pass for the registered one.
        log.error(
          { fileId: id, sha256: record.sha256, actual, path: file },
          'files.integrity: stored bytes do not match their hash',
        );
        throw fileErrors.integrity(id);
      }
      return { record, bytes };
    },

    async verifyAll() {
      const rows = await db.selectFrom('files').select(['id', 'sha256']).orderBy('id').execute();
      const idsBySha = new Map<string, number[]>();
      for (const r of rows) {
        idsBySha.set(r.sha256, [...(idsBySha.get(r.sha256) ?? []), r.id]);
      }
      const broken: BrokenBlob[] = [];
      for (const [sha256, fileIds] of idsBySha) {
        const file = pathOf(sha256);
        const actual = await sha256OfFile(file).catch((err: unknown) => {
          if (isMissing(err)) {
            return null;
          }
          throw err;
        });
        if (actual !== sha256) {
          broken.push({ sha256, path: file, reason: actual === null ? 'missing' : 'hash_mismatch', fileIds });
        }
      }
      for (const b of broken) {
        log.error({ ...b }, 'files.integrity: verification found a damaged file');
      }
      return { checked: idsBySha.size, broken };
    },
  };
}

/** The store of a running context (what modules and routes use). */
export const fileStoreOf = (
  ctx: Pick<AppContext, 'config' | 'db' | 'dialect' | 'clock'>,
  log?: StoreLogger,
): FileStore =>
  createFileStore({
    dataDir: ctx.config.dataDir,
    db: ctx.db,
    maxBytes: ctx.config.maxFileBytes,
    dialect: ctx.dialect,
    clock: ctx.clock,
    log,
  });
