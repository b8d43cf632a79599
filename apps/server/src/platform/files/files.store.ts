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
import {
  decryptBlob,
  ENCRYPTION_ALGORITHM,
  encryptBlob,
  fileKeySource,
  type Encryption,
  type FileKeySource,
} from './files.crypto.ts';
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
  /** 'aes-256-gcm' when the bytes are encrypted at rest (isolated-LAN profile); `sha256` is of the plaintext. */
  encryption: Encryption | null;
}

export interface BrokenBlob {
  sha256: string;
  path: string;
  /** `undecryptable`: an encrypted blob the configured key cannot open (missing key, another key, tampered). */
  reason: 'missing' | 'hash_mismatch' | 'undecryptable';
  fileIds: number[];
}

/** Bytes checked and written to disk, not yet registered in the database (see `FileStore.stage`). */
export interface StagedFile {
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
  encryption: Encryption | null;
}

export interface StageInput {
  bytes: Buffer;
  name: string;
  /**
   * Store the bytes encrypted at rest (AES-256-GCM, spec §3: secret content on the isolated LAN).
   * Callers decide from the deployment profile; reading decrypts transparently.
   */
  encrypt?: boolean;
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
   * holds SQLite's single write lock (security review, fix 4). With `encrypt`, the blob on disk is
   * ciphertext under its own name (`<sha256>.enc`), so plain and encrypted copies never collide.
   */
  stage(input: StageInput): Promise<StagedFile>;
  /**
   * Adds the row of staged bytes and its `files.uploaded` audit event **on `trx`**, so the record and
   * its audit event commit together. Quick: no file I/O.
   */
  register(input: RegisterInput): Promise<FileRecord>;
  /**
   * `stage` then `register` on `trx`, for callers whose transaction is short-lived anyway (tests, tools).
   * Request handlers stage first and open their transaction afterwards.
   */
  put(input: StageInput & { createdBy: number | null; trx: Trx; audit?: AuditContext }): Promise<FileRecord>;
  /** The row only, for access checks before any byte is read. */
  find(id: number, via?: Kysely<Database>): Promise<FileRecord | null>;
  /**
   * The row and the bytes (decrypted when stored encrypted), verified against their SHA-256; a mismatch
   * or a failed GCM tag raises `files.integrity`, a missing or other key `files.key_missing` /
   * `files.key_mismatch` — never undecrypted or unverified bytes.
   */
  read(id: number, via?: Kysely<Database>): Promise<{ record: FileRecord; bytes: Buffer }>;
  /** Re-hashes every stored content the database refers to (decrypting encrypted ones). */
  verifyAll(): Promise<{ checked: number; broken: BrokenBlob[] }>;
  /** Where the blob of a content lives: `files/aa/bb/<sha256>`, or `…/<sha256>.enc` when encrypted. */
  pathOf(sha256: string, encryption?: Encryption | null): string;
}

export interface StoreLogger {
  error(obj: object, msg: string): void;
}

const stderrLogger: StoreLogger = {
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...obj })}\n`),
};

/** Temporary names start with this prefix; backups and checks skip them. */
export const TEMP_PREFIX = '.tmp-';
/** Suffix of encrypted blobs: the same content stored plain and encrypted gives two distinct files. */
export const ENCRYPTED_SUFFIX = '.enc';

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
  encryption: r.encryption === null ? null : (r.encryption as Encryption),
});

const dialectOf = (db: Kysely<Database>): Dialect =>
  dialectFor(db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

const isMissing = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';

const readIfPresent = (file: string): Promise<Buffer | null> =>
  fs.readFile(file).catch((err: unknown) => {
    if (isMissing(err)) {
      return null;
    }
    throw err;
  });

/**
 * The content-addressed store: bytes live at `${dataDir}/files/<aa>/<bb>/<sha256>`, written to a
 * temporary file in the same directory, flushed and renamed, so a crash leaves either the whole file or
 * nothing under the final name. Bytes are written before the row: a rolled-back transaction leaves an
 * unreferenced blob (harmless, the same content reuses it), never a row without bytes.
 * Encrypted blobs (see files.crypto.ts) live beside them as `<sha256>.enc`; the key comes from
 * `VANPHONG_FILE_KEY` or `DATA_DIR/file-encryption.key`, and is NOT part of backups.
 */
export function createFileStore({
  dataDir,
  db,
  maxBytes,
  dialect = dialectOf(db),
  clock = systemClock,
  log = stderrLogger,
  keys = fileKeySource({ dataDir }),
}: {
  dataDir: string;
  db: Kysely<Database>;
  maxBytes: number;
  dialect?: Dialect;
  clock?: Clock;
  log?: StoreLogger;
  /** Where the encryption key comes from (tests pass their own). */
  keys?: FileKeySource;
}): FileStore {
  const root = path.join(dataDir, 'files');
  const pathOf = (sha256: string, encryption: Encryption | null = null) =>
    path.join(
      root,
      sha256.slice(0, 2),
      sha256.slice(2, 4),
      encryption ? `${sha256}${ENCRYPTED_SUFFIX}` : sha256,
    );

  async function writeBlob(sha256: string, bytes: Buffer): Promise<void> {
    const target = pathOf(sha256);
    const existing = await fs.stat(target).catch(() => null);
    // Same content already stored (dedup) — unless the copy on disk is damaged, then it is rewritten.
    if (existing && existing.size === bytes.length && (await sha256OfFile(target)) === sha256) {
      return;
    }
    await writeAtomically(target, sha256, bytes);
  }

  /**
   * One encrypted blob per content and key: an existing `.enc` that opens with the current key and
   * hashes right is reused; a damaged one, or one under another key, is replaced (which also repairs
   * the older rows pointing at it — they could not be read with the current key anyway).
   */
  async function writeEncryptedBlob(sha256: string, bytes: Buffer): Promise<void> {
    const key = await keys.getOrCreate();
    const target = pathOf(sha256, ENCRYPTION_ALGORITHM);
    const existing = await readIfPresent(target);
    if (existing) {
      const opened = decryptBlob(existing, sha256, key);
      if (opened.ok && sha256Of(opened.bytes) === sha256) {
        return;
      }
    }
    await writeAtomically(target, sha256, encryptBlob(bytes, sha256, key));
  }

  async function writeAtomically(target: string, sha256: string, bytes: Buffer): Promise<void> {
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

  async function stage({ bytes, name, encrypt = false }: StageInput): Promise<StagedFile> {
    if (bytes.length > maxBytes) {
      throw fileErrors.tooLarge(maxBytes);
    }
    const originalName = cleanFileName(name);
    const { contentType } = await sniffUpload({ bytes, name: originalName });
    const sha256 = sha256Of(bytes);
    // Written outside any transaction. If the later insert fails, the blob stays unreferenced: harmless
    // in a content-addressed store (no row points at it; the next upload of the same content reuses it).
    if (encrypt) {
      await writeEncryptedBlob(sha256, bytes);
    } else {
      await writeBlob(sha256, bytes);
    }
    return {
      sha256,
      size: bytes.length,
      contentType,
      originalName,
      encryption: encrypt ? ENCRYPTION_ALGORITHM : null,
    };
  }

  /**
   * The plaintext of a stored blob, checked: decrypted (GCM tag verified) when encrypted, then hashed.
   * `null` bytes with a reason when the blob is missing or does not verify; key problems throw.
   */
  async function openBlob(
    sha256: string,
    encryption: Encryption | null,
  ): Promise<{ bytes: Buffer } | { bytes: null; reason: BrokenBlob['reason']; keyId?: string }> {
    const stored = await readIfPresent(pathOf(sha256, encryption));
    if (stored === null) {
      return { bytes: null, reason: 'missing' };
    }
    let plain = stored;
    if (encryption !== null) {
      if (encryption !== ENCRYPTION_ALGORITHM) {
        return { bytes: null, reason: 'undecryptable' };
      }
      const opened = decryptBlob(stored, sha256, await keys.get());
      if (!opened.ok) {
        return { bytes: null, reason: 'undecryptable', keyId: opened.keyId };
      }
      plain = opened.bytes;
    }
    return sha256Of(plain) === sha256 ? { bytes: plain } : { bytes: null, reason: 'hash_mismatch' };
  }

  /** Plain blobs are hashed streaming (verifyAll walks the whole store; no need to hold each file). */
  async function checkPlain(file: string, sha256: string): Promise<BrokenBlob['reason'] | null> {
    const actual = await sha256OfFile(file).catch((err: unknown) => {
      if (isMissing(err)) {
        return null;
      }
      throw err;
    });
    return actual === null ? 'missing' : actual === sha256 ? null : 'hash_mismatch';
  }

  async function checkEncrypted(
    sha256: string,
    encryption: Encryption,
  ): Promise<BrokenBlob['reason'] | null> {
    try {
      const opened = await openBlob(sha256, encryption);
      return opened.bytes === null ? opened.reason : null;
    } catch {
      // No usable key: every encrypted blob is unreadable, and each is reported.
      return 'undecryptable';
    }
  }

  async function register({ staged, createdBy, trx, audit }: RegisterInput): Promise<FileRecord> {
    const { sha256, size, contentType, originalName, encryption } = staged;
    const row = await trx
      .insertInto('files')
      .values({
        sha256,
        size,
        content_type: contentType,
        original_name: originalName,
        created_at: clock.now().toISOString(),
        created_by: createdBy,
        encryption,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      { trx, dialect, clock, ctx: audit ?? (await auditContextFor(trx, createdBy)) },
      {
        action: 'files.uploaded',
        entityType: 'file',
        entityId: row.id,
        details: { sha256, size, contentType, originalName, ...(encryption ? { encryption } : {}) },
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

    async put({ bytes, name, encrypt, createdBy, trx, audit }) {
      return register({ staged: await stage({ bytes, name, encrypt }), createdBy, trx, audit });
    },

    async read(id, via) {
      const record = await find(id, via);
      if (!record) {
        throw fileErrors.notFound();
      }
      const file = pathOf(record.sha256, record.encryption);
      const where = { fileId: id, sha256: record.sha256, path: file };
      let opened: Awaited<ReturnType<typeof openBlob>>;
      try {
        opened = await openBlob(record.sha256, record.encryption);
      } catch (err) {
        log.error({ ...where, error: String(err) }, 'files.key: cannot read an encrypted file');
        throw err;
      }
      if (opened.bytes === null) {
        if (opened.keyId !== undefined) {
          log.error({ ...where, keyId: opened.keyId }, 'files.key: encrypted with another key');
          throw fileErrors.keyMismatch(id, keys.describe());
        }
        // Never serve damaged bytes: a changed document must not pass for the registered one.
        log.error({ ...where, reason: opened.reason }, `files.integrity: stored bytes are ${opened.reason}`);
        throw fileErrors.integrity(id);
      }
      if (opened.bytes.length !== record.size) {
        log.error(
          { ...where, reason: 'size_mismatch' },
          'files.integrity: stored bytes do not match their size',
        );
        throw fileErrors.integrity(id);
      }
      return { record, bytes: opened.bytes };
    },

    async verifyAll() {
      const rows = await db
        .selectFrom('files')
        .select(['id', 'sha256', 'encryption'])
        .orderBy('id')
        .execute();
      const blobs = new Map<string, { sha256: string; encryption: Encryption | null; fileIds: number[] }>();
      for (const r of rows) {
        const encryption = r.encryption === null ? null : (r.encryption as Encryption);
        const file = pathOf(r.sha256, encryption);
        const blob = blobs.get(file) ?? { sha256: r.sha256, encryption, fileIds: [] };
        blob.fileIds.push(r.id);
        blobs.set(file, blob);
      }
      const broken: BrokenBlob[] = [];
      for (const [file, { sha256, encryption, fileIds }] of blobs) {
        const reason =
          encryption === null ? await checkPlain(file, sha256) : await checkEncrypted(sha256, encryption);
        if (reason) {
          broken.push({ sha256, path: file, reason, fileIds });
        }
      }
      for (const b of broken) {
        log.error({ ...b }, 'files.integrity: verification found a damaged file');
      }
      return { checked: blobs.size, broken };
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
