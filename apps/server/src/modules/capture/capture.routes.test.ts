import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { createTestContext } from '../../../test/test-context.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { multipartFile, samples, zip } from '../../platform/files/files.fixtures.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { buildApp } from '../../platform/http/app.ts';
import { renderDocx } from '../outgoing/layout/layout.docx.ts';
import { congVan } from '../outgoing/layout/layout.fixtures.ts';
import { seedDemo } from '../seed/seed.ts';
import type { CaptureTruth } from './capture.scoring.ts';

/**
 * `POST /api/capture/extract` on real files of the generated test set (apps/server/test/fixtures/capture,
 * made by bench/capture-generate.mjs) with the real tools (pdftotext, pdftoppm, tesseract), on SQLite
 * and PostgreSQL (`TEST_DB=postgres`).
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/capture');
interface LabelledCase {
  id: string;
  pdf: string | null;
  scan: string | null;
  degradation: { level: string } | null;
  truth: CaptureTruth;
}
const cases: LabelledCase[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'labels.json'), 'utf8')).cases;
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** A clean Party-format PDF from an issuer of the directory, and a lightly degraded scan. */
const cleanCase = cases.find(
  (c) => c.pdf && c.truth.layout === 'party' && c.truth.issuerOrg && c.truth.secrecy === 'none',
)!;
const scanCase = cases.find((c) => c.scan && c.degradation?.level === 'light' && c.truth.secrecy === 'none')!;

/** A first page as text (a .txt upload is read as is): a Kế hoạch marked MẬT and KHẨN. */
const secretPage = Buffer.from(
  [
    '    ĐẢNG BỘ TỈNH HỒNG LAM                         ĐẢNG CỘNG SẢN VIỆT NAM',
    '           TỈNH ỦY',
    '                *',
    '          Số 45-KH/TU                   Hồng Lam, ngày 28 tháng 11 năm 2026',
    '                   MẬT',
    '                  KHẨN',
    '',
    '                                KẾ HOẠCH',
    '            bảo vệ bí mật nhà nước trong các cơ quan đảng năm 2027',
    '',
  ].join('\n'),
);

describe('reading the first page of an uploaded letter', () => {
  let t: TestApp;
  let clerk: Client;

  const send = (
    c: Pick<Client, 'cookie' | 'csrf'> | null,
    filename: string,
    bytes: Buffer,
    field = 'file',
    app = t.app,
  ) => {
    const body = multipartFile({ field, filename, bytes });
    return app.inject({
      method: 'POST',
      url: '/api/capture/extract',
      headers: {
        'content-type': body.contentType,
        ...(c ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}),
      },
      payload: body.payload,
    });
  };
  const countFiles = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('files')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const orgId = async (name: string) =>
    (
      await t.ctx.db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const typeId = async (name: string, family: string) =>
    (
      await t.ctx.db
        .selectFrom('document_types')
        .select('id')
        .where('name', '=', name)
        .where('family', '=', family)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  it('a clerk uploads a clean PDF: every field of its header is proposed, issuer and type matched in the directory; nothing is stored on a networked profile', async () => {
    const bytes = fixture(cleanCase.pdf!);
    const filesBefore = await countFiles();
    const r = await send(clerk, 'Công văn đến.pdf', bytes);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const truth = cleanCase.truth;
    expect(body.method).toBe('text-layer');
    expect(body.warnings).toEqual([]);
    expect(body.file).toBeNull();
    expect(await countFiles()).toBe(filesBefore);
    expect(body.fields.notation).toMatchObject({
      value: truth.notation,
      source: expect.stringContaining(truth.notation),
    });
    expect(body.fields.number.value).toBe(truth.number);
    expect(body.fields.documentDate.value).toBe(truth.documentDate);
    expect(body.fields.place.value).toBe(truth.place);
    expect(body.fields.issuerName.value).toBe(truth.issuerName);
    expect(body.fields.superiorBody.value).toBe(truth.superiorBody);
    expect(body.fields.documentTypeName.value).toBe(truth.documentTypeName);
    expect(body.fields.issuerId.value).toBe(await orgId(truth.issuerOrg!));
    expect(body.fields.documentTypeId.value).toBe(await typeId(truth.documentTypeName, 'party'));
    expect(body.fields.notation.confidence).toBeGreaterThan(0.9);
    expect(body.text).toContain(truth.notation);
  });

  it('the upload and the reading are in the audit trail, without the values read', async () => {
    const admin = await t.login('admin');
    expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    const r = await send(clerk, 'cong-van.pdf', fixture(cleanCase.pdf!));
    expect((await admin.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
    const id = String(r.json().file.id);
    const events = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', id)
      .where('entity_type', '=', 'file')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['files.uploaded', 'capture.extracted']);
    const captured = events[1]!;
    expect(captured.actor_name).toBe('vanthu');
    const details = JSON.parse(captured.details);
    expect(details).toMatchObject({ method: 'text-layer', legacyEncoding: null, warnings: [] });
    expect(details.fieldsRead).toEqual(expect.arrayContaining(['notation', 'documentDate', 'issuerName']));
    expect(captured.details).not.toContain(cleanCase.truth.summary.slice(0, 20));
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('a degraded scan (JPEG) is read by OCR: notation, number and date come out right, with a lower confidence than a text layer', async () => {
    const r = await send(clerk, 'ban-quet.jpg', fixture(scanCase.scan!));
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.method).toBe('ocr');
    expect(body.file).toBeNull();
    expect(body.fields.notation.value).toBe(scanCase.truth.notation);
    expect(body.fields.number.value).toBe(scanCase.truth.number);
    expect(body.fields.documentDate.value).toBe(scanCase.truth.documentDate);
    expect(body.fields.notation.confidence).toBeLessThanOrEqual(0.9);
  }, 120_000);

  it('a scanned PDF (an image, no text layer) is read by OCR too', async () => {
    // The top third of the A4 scan on a short page: the header is all the reader needs, and OCR at
    // 300 dpi of a third of a page keeps the test quick on a loaded machine.
    const pdf = await PDFDocument.create();
    const image = await pdf.embedJpg(fixture(scanCase.scan!));
    pdf.addPage([595, 300]).drawImage(image, { x: 0, y: 300 - 842, width: 595, height: 842 });
    const r = await send(clerk, 'ban-quet.pdf', Buffer.from(await pdf.save()));
    expect(r.statusCode).toBe(200);
    expect(r.json().method).toBe('ocr');
    expect(r.json().fields.notation.value).toBe(scanCase.truth.notation);
  }, 120_000);

  it('a Word file (DOCX) is read from its text: header cells one after the other still give each field', async () => {
    const bytes = await renderDocx(congVan());
    const r = await send(clerk, 'cong-van.docx', bytes);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.method).toBe('docx');
    expect(
      Object.fromEntries(Object.entries(body.fields).map(([k, f]) => [k, (f as { value: unknown }).value])),
    ).toMatchObject({
      superiorBody: 'ĐẢNG BỘ TỈNH HỒNG LAM',
      issuerName: 'TỈNH ỦY',
      notation: '07-CV/TU',
      documentDate: '2026-02-05',
      place: 'Hồng Lam',
      documentTypeName: 'Công văn',
      summary: 'chuẩn bị tổng kết công tác văn thư, lưu trữ năm 2025',
      signer: 'Trần Văn Đức',
    });
  });

  it('without the OCR tools a scan is still answered 200, with a warning naming the missing tool', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-no-tools-'));
    const saved = process.env.PATH;
    process.env.PATH = empty;
    try {
      const r = await send(clerk, 'ban-quet.jpg', fixture(scanCase.scan!));
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body.method).toBe('none');
      expect(body.warnings.map((w: { code: string }) => w.code)).toContain('tool_missing');
      expect(body.warnings.map((w: { message: string }) => w.message).join(' ')).toContain('tesseract');
      expect(body.fields.notation).toEqual({ value: null, confidence: 0, source: null });
      expect(body.file).toBeNull();
    } finally {
      process.env.PATH = saved;
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a user without incoming.register gets 403 and nothing is stored; an anonymous caller 401', async () => {
    const before = await countFiles();
    const specialist = await t.login('chuyenvien');
    const r = await send(specialist, 'cong-van.pdf', fixture(cleanCase.pdf!));
    expect(r.statusCode).toBe(403);
    expect((await send(null, 'cong-van.pdf', fixture(cleanCase.pdf!))).statusCode).toBe(401);
    expect(await countFiles()).toBe(before);
  });

  it('bad input is refused with a clear 4xx naming the problem, and nothing is stored', async () => {
    const before = await countFiles();
    const noFile = await send(clerk, 'cong-van.pdf', samples.pdf(), 'tep');
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatchObject({
      code: 'validation.failed',
      details: [{ path: 'file', message: 'required' }],
    });
    const json = await clerk.post('/api/capture/extract', { file: 'x' });
    expect(json.statusCode).toBe(400);
    const sheet = await send(clerk, 'so-den.zip', zip([['a.txt', 'a']]));
    expect(sheet.statusCode).toBe(415);
    expect(sheet.json().error).toMatchObject({
      code: 'files.forbidden_type',
      details: { reason: 'not_readable', extension: 'zip' },
    });
    const program = await send(clerk, 'cong-van.pdf', samples.exe());
    expect(program.statusCode).toBe(415);
    const renamed = await send(clerk, 'cong-van.pdf', samples.png());
    expect(renamed.json().error.code).toBe('files.type_mismatch');
    expect(await countFiles()).toBe(before);
  });

  it('a file over the upload limit is refused with 413', async () => {
    const tc = await createTestContext({ config: { maxFileBytes: 4096 } });
    await seedDemo(tc.ctx, { nodeEnv: 'test' });
    const app = await buildApp(tc.ctx);
    await app.ready();
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vanthu', password: 'vanphong-demo' },
      });
      const c = {
        cookie: `vp_session=${login.cookies.find((k) => k.name === 'vp_session')?.value}`,
        csrf: login.json().csrfToken,
      };
      const r = await send(c, 'cong-van.pdf', fixture(cleanCase.pdf!), 'file', app);
      expect(r.statusCode).toBe(413);
      expect(r.json().error).toMatchObject({ code: 'files.too_large', details: { maxBytes: 4096 } });
    } finally {
      await app.close();
      await tc.cleanup();
    }
  }, 120_000);

  it('on a networked profile a page marked MẬT is not stored (422 with the fields read); on the isolated LAN it is stored encrypted', async () => {
    const before = await countFiles();
    const r = await send(clerk, 'ke-hoach-mat.txt', secretPage);
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({
      code: 'capture.secret_not_stored',
      details: { secrecy: 'confidential' },
    });
    expect(r.json().error.details.fields.notation.value).toBe('45-KH/TU');
    expect(r.json().error.details.fields.urgency.value).toBe('urgent');
    expect(await countFiles()).toBe(before);

    const admin = await t.login('admin');
    expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    try {
      const ok = await send(clerk, 'ke-hoach-mat.txt', secretPage);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().method).toBe('plain');
      expect(ok.json().fields.secrecy).toMatchObject({ value: 'confidential', source: 'MẬT' });
      const row = await t.ctx.db
        .selectFrom('files')
        .select(['sha256', 'encryption'])
        .where('id', '=', ok.json().file.id)
        .executeTakeFirstOrThrow();
      expect(row.encryption).toBe('aes-256-gcm');
      const blob = fs.readFileSync(fileStoreOf(t.ctx).pathOf(row.sha256, 'aes-256-gcm'));
      expect(blob.includes(Buffer.from('bảo vệ bí mật'))).toBe(false);
    } finally {
      expect((await admin.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
    }
  });
});
