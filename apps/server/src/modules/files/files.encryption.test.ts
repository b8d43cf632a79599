import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { FILE_KEY_NAME } from '../../platform/files/files.crypto.ts';
import { multipartFile } from '../../platform/files/files.fixtures.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';

const report = (n: number) => Buffer.from(`Tờ trình số ${n}: phương án bố trí cán bộ chủ chốt.\n`);

describe('uploads under each deployment profile', () => {
  let t: TestApp;
  let admin: Client;
  let clerk: Client;

  const upload = async (filename: string, bytes: Buffer) => {
    const body = multipartFile({ filename, bytes });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': body.contentType, cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: body.payload,
    });
    expect(r.statusCode).toBe(201);
    return r.json().file as { id: number; sha256: string; encrypted: boolean };
  };
  const setProfile = async (deploymentProfile: string) =>
    expect((await admin.patch('/api/settings', { deploymentProfile })).statusCode).toBe(200);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    clerk = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  it('stores uploads plain on party-wan, encrypted once the profile is isolated-lan, and serves both kinds', async () => {
    const store = fileStoreOf(t.ctx);
    const keyFile = path.join(t.db.dataDir, FILE_KEY_NAME);
    const before = await upload('to-trinh.txt', report(1));
    expect(before.encrypted).toBe(false);
    expect(fs.readFileSync(store.pathOf(before.sha256)).equals(report(1))).toBe(true);
    expect(fs.existsSync(keyFile)).toBe(false);

    await setProfile('isolated-lan');
    const same = await upload('to-trinh-mat.txt', report(1));
    const other = await upload('bao-cao-mat.txt', report(2));
    expect([same.encrypted, other.encrypted]).toEqual([true, true]);
    expect(same.sha256).toBe(before.sha256);
    const blob = fs.readFileSync(store.pathOf(same.sha256, 'aes-256-gcm'));
    expect(blob.includes(Buffer.from('phương án bố trí'))).toBe(false);
    expect(fs.existsSync(store.pathOf(other.sha256))).toBe(false);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const rows = await t.ctx.db
      .selectFrom('files')
      .select(['id', 'encryption'])
      .where('id', 'in', [before.id, same.id, other.id])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.encryption)).toEqual([null, 'aes-256-gcm', 'aes-256-gcm']);

    await setProfile('party-wan');
    const after = await upload('thong-bao.txt', report(3));
    expect(after.encrypted).toBe(false);

    for (const [f, bytes] of [
      [before, report(1)],
      [same, report(1)],
      [other, report(2)],
      [after, report(3)],
    ] as const) {
      const d = await clerk.get(`/api/files/${f.id}`);
      expect(d.statusCode).toBe(200);
      expect(d.rawPayload.equals(bytes)).toBe(true);
    }
    expect((await store.verifyAll()).broken).toEqual([]);
  });

  it('an encrypted file altered on disk answers 500 files.integrity and never its bytes', async () => {
    await setProfile('isolated-lan');
    const f = await upload('quyet-dinh.txt', report(4));
    const file = fileStoreOf(t.ctx).pathOf(f.sha256, 'aes-256-gcm');
    const blob = fs.readFileSync(file);
    blob[blob.length - 1] = blob[blob.length - 1]! ^ 0xff;
    fs.writeFileSync(file, blob);
    const r = await clerk.get(`/api/files/${f.id}`);
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('files.integrity');
    expect(r.body).not.toContain('cán bộ');
    await setProfile('party-wan');
  });
});
