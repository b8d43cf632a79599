import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { createBackup, restoreBackup, sqliteFileOf } from './backup.ts';
import { exportPostgres } from './backup.postgres.ts';
import { snapshotSqlite } from './backup.sqlite.ts';

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

/** Every regular file under `dir`, absolute. */
const filesUnder = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((p) => path.join(dir, p))
    .filter((p) => fs.statSync(p).isFile());

/**
 * A backup holds every password hash and TOTP secret: the archive, the database copies it is made of and
 * the backups folder must be closed to every other account on the server (security review, fix 5).
 */
describe('who can read a backup', () => {
  let source: TestContext;
  let work: string;
  let target: TestDatabase | null = null;
  // A permissive umask, as on a default server, so the modes below are the code's doing.
  let umask: number;
  beforeAll(async () => {
    umask = process.umask(0o022);
    source = await createTestContext();
    await seedDemo(source.ctx, { nodeEnv: 'test' });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-backup-modes-'));
  });
  afterAll(async () => {
    process.umask(umask);
    await source.cleanup();
    await target?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('the archive is 0600 and the backups folder 0700, even when an older version had left it open', async () => {
    const folder = path.join(source.ctx.config.dataDir, 'backups');
    fs.mkdirSync(folder, { mode: 0o755 });
    fs.chmodSync(folder, 0o755);
    const { file } = await createBackup({ ctx: source.ctx });
    expect(path.dirname(file)).toBe(folder);
    expect(modeOf(file).toString(8)).toBe('600');
    expect(modeOf(folder).toString(8)).toBe('700');
    // No temporary name left behind, open or not.
    expect(fs.readdirSync(folder)).toEqual([path.basename(file)]);
  });

  it('an archive written to a folder the backup creates gets a 0700 folder and a 0600 file', async () => {
    const out = path.join(work, 'sao-luu', 'thang-11', 'vanphong.tar.gz');
    await createBackup({ ctx: source.ctx, out });
    expect(modeOf(out).toString(8)).toBe('600');
    expect(modeOf(path.dirname(out)).toString(8)).toBe('700');
    expect(modeOf(path.join(work, 'sao-luu')).toString(8)).toBe('700');
  });

  it('the database copies an archive is made of are readable by the owner only', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'staging-'));
    fs.mkdirSync(path.join(dir, 'db'));
    if (TEST_DB === 'sqlite') {
      await snapshotSqlite({ db: source.ctx.db, file: path.join(dir, 'db', 'vanphong.sqlite') });
    } else {
      await exportPostgres({ db: source.ctx.db, dir });
    }
    const copies = filesUnder(dir);
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.filter((p) => (modeOf(p) & 0o077) !== 0)).toEqual([]);
  });

  it.runIf(TEST_DB === 'sqlite')('a restored SQLite database file is 0600', async () => {
    const archive = path.join(work, 'khoi-phuc.tar.gz');
    await createBackup({ ctx: source.ctx, out: archive });
    target = await createTestDatabase();
    await restoreBackup({ config: testConfig(target), archive });
    expect(modeOf(sqliteFileOf(testConfig(target))).toString(8)).toBe('600');
  });
});
