import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestDatabase,
  TEST_DB,
  testConfig,
  type TestContext,
  type TestDatabase,
} from '../../../test/test-context.ts';
import { seedDemo } from '../../modules/seed/seed.ts';
import { recordAudit, systemAuditContext, verifyAuditChain } from '../audit/audit.ts';
import { createContext, inTransaction } from '../context.ts';
import { AppError } from '../errors.ts';
import { samples } from '../files/files.fixtures.ts';
import { fileStoreOf, type FileRecord } from '../files/files.store.ts';
import { createBackup, databaseChecksums, restoreBackup, sqliteFileOf } from './backup.ts';
import { insertionOrder } from './backup.postgres.ts';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

/** Re-packs an archive after `change` edited its extracted contents (the manifest left as it was). */
async function tamper(archive: string, out: string, change: (dir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-tamper-'));
  await tar.x({ file: archive, cwd: dir });
  change(dir);
  await tar.c({ gzip: true, file: out, cwd: dir }, fs.readdirSync(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}

describe('backup and restore', () => {
  let source: TestContext;
  let work: string;
  let archive: string;
  let uploaded: FileRecord[];
  const targets: TestDatabase[] = [];
  const newTarget = async () => {
    const t = await createTestDatabase();
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    source = await createTestContext();
    await seedDemo(source.ctx, { nodeEnv: 'test' });
    const store = fileStoreOf(source.ctx);
    uploaded = await inTransaction(source.ctx, async (trx) => [
      await store.put({ bytes: samples.pdf(), name: 'Công văn số 12.pdf', createdBy: 2, trx }),
      await store.put({ bytes: samples.docx(), name: 'Báo cáo quý.docx', createdBy: 2, trx }),
    ]);
    await inTransaction(source.ctx, async (trx) => {
      for (const action of ['settings.updated', 'calendar.confirmed', 'users.updated']) {
        await recordAudit(
          { trx, dialect: source.ctx.dialect, clock: source.ctx.clock, ctx: systemAuditContext('test') },
          { action, entityType: 'system', details: { note: 'dữ liệu thử' } },
        );
      }
    });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-backup-test-'));
    archive = path.join(work, 'sao-luu.tar.gz');
  });
  afterAll(async () => {
    await source.cleanup();
    for (const t of targets) {
      await t.drop();
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes one archive whose manifest lists every table with its row count and a checksum for every entry', async () => {
    const { file, manifest } = await createBackup({
      config: source.ctx.config,
      ctx: source.ctx,
      out: archive,
    });
    expect(file).toBe(archive);
    expect(manifest.db.kind).toBe(TEST_DB);
    const byName = Object.fromEntries(manifest.db.tables.map((t) => [t.name, t.rows]));
    // The demo's files (incoming PDF, outgoing draft version, a task progress file, meeting papers…) and the two
    // uploads: one row each, one blob per distinct content (the store is content-addressed, so identical bytes
    // — the demo incoming PDF and the first upload — share a blob).
    const rows = await source.ctx.db.selectFrom('files').select(['sha256', 'encryption']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(byName.files).toBe(rows.length);
    expect(byName.users).toBeGreaterThanOrEqual(9);
    expect(byName.audit_events).toBeGreaterThan(5);
    expect(manifest.files.count).toBe(new Set(rows.map((r) => `${r.sha256}:${r.encryption ?? ''}`)).size);
    expect(manifest.files.count).toBeLessThan(rows.length);
    const listed: string[] = [];
    await tar.t({ file: archive, onReadEntry: (e) => void (e.type === 'File' && listed.push(e.path)) });
    expect(listed[0]).toBe('manifest.json');
    expect(listed.slice(1).sort()).toEqual(manifest.entries.map((e) => e.path).sort());
    expect(listed).toContain(
      `files/${uploaded[0]!.sha256.slice(0, 2)}/${uploaded[0]!.sha256.slice(2, 4)}/${uploaded[0]!.sha256}`,
    );
    expect(listed.some((p) => p.startsWith('db/'))).toBe(true);
    expect(manifest.entries.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
  });

  it('restores into a new empty installation with identical table checksums, file bytes and an intact audit chain', async () => {
    const target = await newTarget();
    await restoreBackup({ config: testConfig(target), archive });
    const restored = await createContext({ config: testConfig(target) });
    try {
      expect(await databaseChecksums(restored.db)).toEqual(await databaseChecksums(source.ctx.db));
      const store = fileStoreOf(restored);
      for (const f of uploaded) {
        const { record, bytes } = await store.read(f.id);
        expect(record.originalName).toBe(f.originalName);
        expect(bytes.equals(fs.readFileSync(fileStoreOf(source.ctx).pathOf(f.sha256)))).toBe(true);
      }
      expect((await verifyAuditChain(restored.db)).ok).toBe(true);
      // Sequences continue after the restored ids (PostgreSQL setval), so new rows do not collide.
      const next = await inTransaction(restored, (trx) =>
        store.put({ bytes: samples.png(), name: 'moi.png', createdBy: 1, trx }),
      );
      expect(next.id).toBeGreaterThan(Math.max(...uploaded.map((f) => f.id)));
      expect((await verifyAuditChain(restored.db)).ok).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('refuses to overwrite an installation that holds data unless forced, then replaces it exactly', async () => {
    const target = await newTarget();
    const other = await createContext({ config: testConfig(target) });
    await seedDemo(other, { nodeEnv: 'test' });
    await other.close();
    expect(await codeOf(restoreBackup({ config: testConfig(target), archive }))).toBe(
      'backup.target_not_empty',
    );
    await restoreBackup({ config: testConfig(target), archive, force: true });
    const restored = await createContext({ config: testConfig(target) });
    try {
      expect(await databaseChecksums(restored.db)).toEqual(await databaseChecksums(source.ctx.db));
    } finally {
      await restored.close();
    }
  });

  it('a tampered archive is refused before anything is written to the target', async () => {
    const blob = `files/${uploaded[0]!.sha256.slice(0, 2)}/${uploaded[0]!.sha256.slice(2, 4)}/${uploaded[0]!.sha256}`;
    const badFile = path.join(work, 'sua-tep.tar.gz');
    await tamper(archive, badFile, (dir) => fs.appendFileSync(path.join(dir, blob), 'x'));
    const badDb = path.join(work, 'sua-csdl.tar.gz');
    await tamper(archive, badDb, (dir) => {
      const db = fs.readdirSync(path.join(dir, 'db'))[0]!;
      const p = path.join(dir, 'db', db);
      const bytes = fs.readFileSync(p);
      const i = Math.floor(bytes.length / 2);
      bytes.writeUInt8(bytes.readUInt8(i) ^ 0x01, i);
      fs.writeFileSync(p, bytes);
    });
    const extra = path.join(work, 'them-tep.tar.gz');
    await tamper(archive, extra, (dir) =>
      fs.writeFileSync(path.join(dir, 'files', 'la.txt'), 'không có trong manifest'),
    );
    const truncated = path.join(work, 'cut.tar.gz');
    fs.writeFileSync(truncated, fs.readFileSync(archive).subarray(0, 200));

    const target = await newTarget();
    expect(await codeOf(restoreBackup({ config: testConfig(target), archive: badFile }))).toBe(
      'backup.corrupt',
    );
    expect(await codeOf(restoreBackup({ config: testConfig(target), archive: badDb }))).toBe(
      'backup.corrupt',
    );
    expect(await codeOf(restoreBackup({ config: testConfig(target), archive: extra }))).toBe(
      'backup.corrupt',
    );
    expect(await codeOf(restoreBackup({ config: testConfig(target), archive: truncated }))).toBe(
      'backup.unreadable',
    );
    expect(fs.readdirSync(target.dataDir)).toEqual([]);
    if (TEST_DB === 'postgres') {
      // Looked at directly, without migrating: not even the schema was created.
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      const r = await c.query(
        "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
      );
      await c.end();
      expect(r.rows[0].n).toBe(0);
    }
  });

  it('orders tables so referenced rows come first and defers self-references', () => {
    const { order, deferred } = insertionOrder(
      ['users', 'committees', 'user_roles', 'roles'],
      [
        { table: 'user_roles', column: 'user_id', refTable: 'users' },
        { table: 'user_roles', column: 'role_id', refTable: 'roles' },
        { table: 'users', column: 'scope_committee_id', refTable: 'committees' },
        { table: 'committees', column: 'parent_id', refTable: 'committees' },
      ],
    );
    expect(order.indexOf('committees')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('user_roles'));
    expect(order.indexOf('roles')).toBeLessThan(order.indexOf('user_roles'));
    expect(deferred.get('committees')).toEqual(['parent_id']);
    expect(deferred.has('users')).toBe(false);
  });

  it.runIf(TEST_DB === 'sqlite')(
    'the vanphong CLI backs up and restores, and exits non-zero on a damaged archive',
    async () => {
      const run = promisify(execFile);
      const bin = new URL('../../../bin/vanphong.mjs', import.meta.url).pathname;
      const env = (dataDir: string) => ({
        ...process.env,
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
      });
      const cliArchive = path.join(work, 'cli.tar.gz');
      const b = await run('node', [bin, 'backup', '--out', cliArchive], { env: env(source.db.dataDir) });
      expect(b.stdout).toContain('Backup written');
      expect(fs.existsSync(cliArchive)).toBe(true);

      const target = await newTarget();
      const r = await run('node', [bin, 'restore', cliArchive], { env: env(target.dataDir) });
      expect(r.stdout).toContain('Restored backup');
      expect(fs.existsSync(sqliteFileOf(testConfig(target)))).toBe(true);

      const bad = path.join(work, 'cli-bad.tar.gz');
      await tamper(cliArchive, bad, (dir) =>
        fs.writeFileSync(path.join(dir, 'db', 'vanphong.sqlite'), 'hỏng'),
      );
      const empty = await newTarget();
      const failed = await run('node', [bin, 'restore', bad], { env: env(empty.dataDir) }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect('code' in failed && failed.code).not.toBe(0);
      expect((failed as { stderr: string }).stderr).toContain('backup.corrupt');
      expect(fs.readdirSync(empty.dataDir)).toEqual([]);
    },
    // Three real processes, each compiling the app through tsx.
    120_000,
  );
});
