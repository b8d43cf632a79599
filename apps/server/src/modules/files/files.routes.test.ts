import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { createTestContext } from '../../../test/test-context.ts';
import { seedDemo } from '../seed/seed.ts';
import { buildApp } from '../../platform/http/app.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { multipartFile, samples } from '../../platform/files/files.fixtures.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';

type Inject = TestApp['app']['inject'];

const upload = (
  inject: Inject,
  c: Pick<Client, 'cookie' | 'csrf'> | null,
  filename: string,
  bytes: Buffer,
  field = 'file',
) => {
  const body = multipartFile({ field, filename, bytes });
  return inject({
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': body.contentType, ...(c ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}) },
    payload: body.payload,
  });
};

const countFiles = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('files')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('uploading and downloading files', () => {
  let t: TestApp;
  let clerk: Client;
  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  it('a clerk uploads a PDF and downloads the same bytes under its Vietnamese name', async () => {
    const r = await upload(t.app.inject.bind(t.app), clerk, 'Công văn số 12.pdf', samples.pdf());
    expect(r.statusCode).toBe(201);
    const { file } = r.json();
    expect(file).toMatchObject({
      size: samples.pdf().length,
      contentType: 'application/pdf',
      originalName: 'Công văn số 12.pdf',
      abilities: { download: true },
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isInteger(file.id)).toBe(true);

    const d = await clerk.get(`/api/files/${file.id}`);
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.equals(samples.pdf())).toBe(true);
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.headers['content-disposition']).toBe(
      `attachment; filename="Cong van so 12.pdf"; filename*=UTF-8''${encodeURIComponent('Công văn số 12.pdf')}`,
    );
  });

  it('the upload is in the audit trail with who uploaded it and from where', async () => {
    const r = await upload(t.app.inject.bind(t.app), clerk, 'so-do-to-chuc.png', samples.png());
    const id = String(r.json().file.id);
    const ev = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'files.uploaded')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(ev.actor_name).toBe('vanthu');
    expect(ev.ip).toBeTruthy();
    expect(JSON.parse(ev.details)).toMatchObject({
      originalName: 'so-do-to-chuc.png',
      contentType: 'image/png',
    });
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('only the uploader downloads a file: a colleague and even an administrator get 404 as for a missing one', async () => {
    const id = (await upload(t.app.inject.bind(t.app), clerk, 'to-trinh.pdf', samples.pdf())).json().file.id;
    const specialist = await t.login('chuyenvien');
    const other = await specialist.get(`/api/files/${id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('files.not_found');
    expect((await specialist.get('/api/files/987654')).json().error.code).toBe('files.not_found');
    // users.manage grants no reading of files: a file has no scope or clearance to check it against.
    const admin = await t.login('admin');
    const byAdmin = await admin.get(`/api/files/${id}`);
    expect(byAdmin.statusCode).toBe(404);
    expect(byAdmin.json().error.code).toBe('files.not_found');
    expect(byAdmin.body).not.toContain('%PDF');
    expect((await clerk.get(`/api/files/${id}`)).statusCode).toBe(200);
  });

  it("an upload's bytes are on disk before its transaction opens, so a slow disk never holds the write lock", async () => {
    const bytes = Buffer.from(`Biên bản họp ${Date.now()}\n`);
    const blob = fileStoreOf(t.ctx).pathOf(createHash('sha256').update(bytes).digest('hex'));
    const seen: boolean[] = [];
    const db = t.ctx.db;
    const original = db.transaction.bind(db);
    const spy = vi.spyOn(db, 'transaction').mockImplementation(() => {
      seen.push(fs.existsSync(blob));
      return original();
    });
    try {
      const r = await upload(t.app.inject.bind(t.app), clerk, 'bien-ban.txt', bytes);
      expect(r.statusCode).toBe(201);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual([true]);
  });

  it('an accountant without files.upload is refused, and so is an anonymous caller', async () => {
    const accountant = await t.login('ketoan');
    expect(
      (await upload(t.app.inject.bind(t.app), accountant, 'bang-ke.csv', samples.csv())).statusCode,
    ).toBe(403);
    expect((await upload(t.app.inject.bind(t.app), null, 'bang-ke.csv', samples.csv())).statusCode).toBe(401);
  });

  it('a renamed program is refused with 415 files.forbidden_type and nothing is stored', async () => {
    const before = await countFiles(t);
    const r = await upload(t.app.inject.bind(t.app), clerk, 'cong-van-den.pdf', samples.exe());
    expect(r.statusCode).toBe(415);
    expect(r.json().error.code).toBe('files.forbidden_type');
    const s = await upload(t.app.inject.bind(t.app), clerk, 'cai-dat.msi', samples.cfb());
    expect(s.json().error.code).toBe('files.forbidden_type');
    expect(await countFiles(t)).toBe(before);
  });

  it('a .docx that is not an Office document is refused with 415 files.type_mismatch', async () => {
    const r = await upload(t.app.inject.bind(t.app), clerk, 'bao-cao.docx', samples.text());
    expect(r.statusCode).toBe(415);
    expect(r.json().error).toMatchObject({
      code: 'files.type_mismatch',
      details: { extension: 'docx', detected: 'text' },
    });
    expect((await upload(t.app.inject.bind(t.app), clerk, 'bao-cao.docx', samples.docx())).statusCode).toBe(
      201,
    );
  });

  it('a form without the "file" field, or a JSON body, answers 400', async () => {
    const r = await upload(t.app.inject.bind(t.app), clerk, 'a.pdf', samples.pdf(), 'attachment');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation.failed');
    expect((await clerk.post('/api/files', { name: 'a.pdf' })).statusCode).toBe(400);
  });

  it('the API description documents both file endpoints in Vietnamese and English', async () => {
    const spec = (await clerk.get('/api/openapi.json')).json();
    expect(spec.paths['/api/files'].post.summary).toBe('Tải tệp lên — Upload a file');
    expect(spec.paths['/api/files/{id}'].get.summary).toContain('Tải tệp về');
  });

  it('a file damaged on disk answers 500 files.integrity and never its bytes', async () => {
    const { file } = (
      await upload(t.app.inject.bind(t.app), clerk, 'quyet-dinh.txt', Buffer.from('Quyết định số 5\n'))
    ).json();
    fs.writeFileSync(fileStoreOf(t.ctx).pathOf(file.sha256), 'Quyết định số 6\n');
    const r = await clerk.get(`/api/files/${file.id}`);
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('files.integrity');
    expect(r.body).not.toContain('số 6');
  });
});

describe('the upload size limit', () => {
  it('a file above MAX_FILE_MB is refused with 413 files.too_large and nothing is stored', async () => {
    const tc = await createTestContext({ config: { maxFileBytes: 1024 } });
    await seedDemo(tc.ctx, { nodeEnv: 'test' });
    const app = await buildApp(tc.ctx);
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vanthu', password: 'vanphong-demo' },
      });
      const c = {
        cookie: `vp_session=${login.cookies.find((x) => x.name === 'vp_session')?.value}`,
        csrf: login.json().csrfToken as string,
      };
      // The demo data may hold files of its own: count what is on disk rather than expect nothing.
      const onDisk = () =>
        fs.existsSync(`${tc.db.dataDir}/files`)
          ? fs.readdirSync(`${tc.db.dataDir}/files`, { recursive: true }).length
          : 0;
      const before = onDisk();
      const big = Buffer.concat([Buffer.from('Báo cáo tổng hợp\n'), Buffer.alloc(2048, 0x61)]);
      const r = await upload(app.inject.bind(app), c, 'bao-cao.txt', big);
      expect(r.statusCode).toBe(413);
      expect(r.json().error.code).toBe('files.too_large');
      expect(onDisk()).toBe(before);
      expect((await upload(app.inject.bind(app), c, 'nho.txt', Buffer.from('Nhỏ\n'))).statusCode).toBe(201);
    } finally {
      await app.close();
      await tc.cleanup();
    }
  });
});
