import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestContext,
  createTestDatabase,
  testConfig,
  type TestContext,
  type TestDatabase,
} from '../../../test/test-context.ts';
import { createBackup, restoreBackup } from '../backup/backup.ts';
import { createContext, inTransaction } from '../context.ts';
import { AppError } from '../errors.ts';
import { encryptBlob, FILE_KEY_ENV, FILE_KEY_NAME, fileKeySource } from './files.crypto.ts';
import { samples } from './files.fixtures.ts';
import { createFileStore, fileStoreOf, type FileStore } from './files.store.ts';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A document whose words are easy to look for in the bytes on disk. */
const secretText = (n: number) =>
  Buffer.from(`TUYỆT MẬT — Báo cáo số ${n}: phương án nhân sự đại hội, không phổ biến.\n`);

const envKey = () => randomBytes(32).toString('base64');

describe('files encrypted at rest (isolated-LAN profile)', () => {
  let t: TestContext;
  let store: FileStore;
  const log = { error: vi.fn() };
  const put = (bytes: Buffer, name: string, encrypt: boolean, s: FileStore = store) =>
    inTransaction(t.ctx, (trx) => s.put({ bytes, name, encrypt, createdBy: null, trx }));
  const keyFile = () => path.join(t.db.dataDir, FILE_KEY_NAME);

  beforeAll(async () => {
    t = await createTestContext();
    store = createFileStore({
      dataDir: t.db.dataDir,
      db: t.ctx.db,
      maxBytes: 1024 * 1024,
      log,
      keys: fileKeySource({ dataDir: t.db.dataDir, env: {} }),
    });
  });
  afterAll(async () => t.cleanup());

  it('creates no key until the first encrypted upload, then one owner-only key file of 32 random bytes', async () => {
    await put(samples.pdf(), 'cong-van.pdf', false);
    expect(fs.existsSync(keyFile())).toBe(false);
    await put(secretText(0), 'mat.txt', true);
    const stat = fs.statSync(keyFile());
    expect(stat.mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(keyFile(), 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('reads back the same bytes, keeps the hash of the plaintext, and has no plaintext on disk', async () => {
    const bytes = secretText(1);
    const f = await put(bytes, 'Báo cáo mật.txt', true);
    expect(f).toMatchObject({ sha256: sha(bytes), size: bytes.length, encryption: 'aes-256-gcm' });
    const { record, bytes: back } = await store.read(f.id);
    expect(back.equals(bytes)).toBe(true);
    expect(record.encryption).toBe('aes-256-gcm');

    const onDisk = fs.readFileSync(store.pathOf(f.sha256, 'aes-256-gcm'));
    expect(store.pathOf(f.sha256, 'aes-256-gcm')).toBe(`${store.pathOf(f.sha256)}.enc`);
    expect(fs.existsSync(store.pathOf(f.sha256))).toBe(false);
    expect(onDisk.includes(bytes)).toBe(false);
    expect(onDisk.includes(Buffer.from('phương án nhân sự'))).toBe(false);
    expect(onDisk.includes(Buffer.from('TUYỆT MẬT'))).toBe(false);
    expect(onDisk.length).toBe(bytes.length + 40);

    const pdf = await put(samples.pdf(), 'to-trinh.pdf', true);
    expect(fs.readFileSync(store.pathOf(pdf.sha256, 'aes-256-gcm')).includes(Buffer.from('%PDF'))).toBe(
      false,
    );
    expect((await store.read(pdf.id)).bytes.equals(samples.pdf())).toBe(true);
  });

  it('uses a fresh IV per blob, stores one encrypted copy per content, and never mixes it with the plain copy', async () => {
    const bytes = secretText(2);
    const a = await put(bytes, 'a.txt', true);
    const blob = fs.readFileSync(store.pathOf(a.sha256, 'aes-256-gcm'));
    const b = await put(bytes, 'b.txt', true);
    expect(fs.readFileSync(store.pathOf(b.sha256, 'aes-256-gcm')).equals(blob)).toBe(true);
    const plain = await put(bytes, 'c.txt', false);
    expect(plain.encryption).toBeNull();
    expect(fs.readFileSync(store.pathOf(plain.sha256)).equals(bytes)).toBe(true);
    expect(fs.readFileSync(store.pathOf(a.sha256, 'aes-256-gcm')).equals(blob)).toBe(true);
    for (const f of [a, b, plain]) {
      expect((await store.read(f.id)).bytes.equals(bytes)).toBe(true);
    }

    // Every encryption draws a new IV: the same document encrypted twice gives unrelated ciphertexts.
    const key = await fileKeySource({ dataDir: t.db.dataDir, env: {} }).get();
    const [x, y] = [encryptBlob(bytes, a.sha256, key), encryptBlob(bytes, a.sha256, key)];
    expect(x.subarray(12, 24).equals(y.subarray(12, 24))).toBe(false);
    expect(x.subarray(40).equals(y.subarray(40))).toBe(false);
  });

  it('writes the encryption into the files.uploaded audit event', async () => {
    const f = await put(secretText(4), 'nhat-ky.txt', true);
    const ev = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'files.uploaded')
      .where('entity_id', '=', String(f.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.details)).toMatchObject({ sha256: f.sha256, encryption: 'aes-256-gcm' });
  });

  it('refuses a tampered blob with files.integrity, logs it, and verifyAll names it; uploading again repairs it', async () => {
    const bytes = secretText(5);
    const f = await put(bytes, 'bi-sua.txt', true);
    const file = store.pathOf(f.sha256, 'aes-256-gcm');
    const original = fs.readFileSync(file);
    const cases: [string, (b: Buffer) => Buffer][] = [
      [
        'one ciphertext byte flipped',
        (b) => Buffer.concat([b.subarray(0, 45), Buffer.from([b[45]! ^ 1]), b.subarray(46)]),
      ],
      ['the tag changed', (b) => Buffer.concat([b.subarray(0, 24), Buffer.alloc(16), b.subarray(40)])],
      ['truncated', (b) => b.subarray(0, b.length - 1)],
      ['not a blob of ours', () => Buffer.from('VPE1')],
      [
        'another encrypted document copied under this name',
        () => fs.readFileSync(store.pathOf(sha(secretText(1)), 'aes-256-gcm')),
      ],
    ];
    for (const [what, change] of cases) {
      fs.writeFileSync(file, change(original));
      log.error.mockClear();
      expect(`${what}: ${await codeOf(store.read(f.id))}`).toBe(`${what}: files.integrity`);
      expect(log.error).toHaveBeenCalled();
    }
    const report = await store.verifyAll();
    expect(report.broken).toEqual([
      expect.objectContaining({ sha256: f.sha256, reason: 'undecryptable', path: file, fileIds: [f.id] }),
    ]);

    await put(bytes, 'lai.txt', true);
    expect((await store.read(f.id)).bytes.equals(bytes)).toBe(true);
    expect((await store.verifyAll()).broken).toEqual([]);
  });

  it('a missing encrypted blob is an integrity failure too', async () => {
    const f = await put(secretText(6), 'mat-tich.txt', true);
    fs.rmSync(store.pathOf(f.sha256, 'aes-256-gcm'));
    expect(await codeOf(store.read(f.id))).toBe('files.integrity');
    expect((await store.verifyAll()).broken).toEqual([
      expect.objectContaining({ reason: 'missing', fileIds: [f.id] }),
    ]);
    await put(secretText(6), 'mat-tich.txt', true);
  });

  it('with another key the blob is refused with files.key_mismatch, never decrypted into garbage', async () => {
    const f = await put(secretText(7), 'khoa-khac.txt', true);
    const other = createFileStore({
      dataDir: t.db.dataDir,
      db: t.ctx.db,
      maxBytes: 1024 * 1024,
      log,
      keys: fileKeySource({ dataDir: t.db.dataDir, env: { [FILE_KEY_ENV]: envKey() } }),
    });
    const err = await other.read(f.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('files.key_mismatch');
    expect((err as AppError).message).toContain(FILE_KEY_ENV);
    // Plain files do not need the key at all.
    const plain = await put(samples.csv(), 'bang.csv', false);
    expect((await other.read(plain.id)).bytes.equals(samples.csv())).toBe(true);
    expect((await other.verifyAll()).broken.every((b) => b.reason === 'undecryptable')).toBe(true);
  });

  it('without the key file, reading says files.key_missing and does not invent a new key', async () => {
    const f = await put(secretText(8), 'mat-khoa.txt', true);
    const saved = fs.readFileSync(keyFile());
    fs.rmSync(keyFile());
    try {
      const s = createFileStore({
        dataDir: t.db.dataDir,
        db: t.ctx.db,
        maxBytes: 1024 * 1024,
        log,
        keys: fileKeySource({ dataDir: t.db.dataDir, env: {} }),
      });
      const err = await s.read(f.id).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('files.key_missing');
      expect((err as AppError).message).toContain(FILE_KEY_NAME);
      expect(fs.existsSync(keyFile())).toBe(false);
    } finally {
      fs.writeFileSync(keyFile(), saved, { mode: 0o600 });
    }
    expect((await store.read(f.id)).bytes.equals(secretText(8))).toBe(true);
  });

  it('refuses a key that is not the base64 of 32 bytes, from the variable or the file', async () => {
    for (const bad of ['ngắn', randomBytes(16).toString('base64'), `${envKey()}x`]) {
      const keys = fileKeySource({ dataDir: t.db.dataDir, env: { [FILE_KEY_ENV]: bad } });
      expect(await codeOf(keys.getOrCreate())).toBe('files.key_invalid');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-key-'));
    try {
      fs.writeFileSync(path.join(dir, FILE_KEY_NAME), 'not a key\n');
      expect(await codeOf(fileKeySource({ dataDir: dir, env: {} }).get())).toBe('files.key_invalid');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('VANPHONG_FILE_KEY wins over the key file, and then no key file is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-key-'));
    try {
      const key = envKey();
      const keys = fileKeySource({ dataDir: dir, env: { [FILE_KEY_ENV]: key } });
      expect((await keys.getOrCreate()).key.toString('base64')).toBe(key);
      expect(fs.existsSync(path.join(dir, FILE_KEY_NAME))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two processes creating the key at the same moment end up with the same key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-key-'));
    try {
      const keys = await Promise.all(
        Array.from({ length: 8 }, () => fileKeySource({ dataDir: dir, env: {} }).getOrCreate()),
      );
      expect(new Set(keys.map((k) => k.id)).size).toBe(1);
      expect(fs.readdirSync(dir)).toEqual([FILE_KEY_NAME]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('backup and restore with encrypted files', () => {
  let source: TestContext;
  let target: TestDatabase;
  let work: string;

  beforeAll(async () => {
    source = await createTestContext();
    target = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-enc-backup-'));
  });
  afterAll(async () => {
    await source.cleanup();
    await target.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('archives encrypted blobs without their key, warns about it, and restores them readable once the key is back', async () => {
    const store = fileStoreOf(source.ctx);
    const [plain, secret] = await inTransaction(source.ctx, async (trx) => [
      await store.put({ bytes: samples.pdf(), name: 'thuong.pdf', createdBy: null, trx }),
      await store.put({ bytes: secretText(9), name: 'mat.txt', encrypt: true, createdBy: null, trx }),
    ]);
    const archive = path.join(work, 'sao-luu.tar.gz');
    const { manifest } = await createBackup({ config: source.ctx.config, ctx: source.ctx, out: archive });
    const paths = manifest.entries.map((e) => e.path);
    expect(paths).toContain(
      `files/${secret!.sha256.slice(0, 2)}/${secret!.sha256.slice(2, 4)}/${secret!.sha256}.enc`,
    );
    expect(paths).toContain(
      `files/${plain!.sha256.slice(0, 2)}/${plain!.sha256.slice(2, 4)}/${plain!.sha256}`,
    );
    expect(paths.some((p) => p.includes(FILE_KEY_NAME))).toBe(false);
    expect(manifest.files.count).toBe(2);
    expect(manifest.warnings).toEqual([expect.stringContaining('1 encrypted files')]);
    expect(manifest.warnings[0]).toContain(FILE_KEY_NAME);

    await restoreBackup({ config: testConfig(target), archive });
    const restored = await createContext({ config: testConfig(target) });
    try {
      const s = fileStoreOf(restored, { error: () => undefined });
      expect((await s.read(plain!.id)).bytes.equals(samples.pdf())).toBe(true);
      expect(await codeOf(s.read(secret!.id))).toBe('files.key_missing');
      fs.copyFileSync(path.join(source.db.dataDir, FILE_KEY_NAME), path.join(target.dataDir, FILE_KEY_NAME));
      expect((await fileStoreOf(restored).read(secret!.id)).bytes.equals(secretText(9))).toBe(true);
      expect((await fileStoreOf(restored).verifyAll()).broken).toEqual([]);
    } finally {
      await restored.close();
    }
  });
});
