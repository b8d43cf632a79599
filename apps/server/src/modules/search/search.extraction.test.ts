import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileTextView, SearchResult } from '@vanphong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { letterPdf, rasterise, scanPdf } from '../../platform/extract/extract.fixtures.ts';
import { resetToolCache } from '../../platform/extract/tools.ts';
import { multipartFile } from '../../platform/files/files.fixtures.ts';
import { drainExtractions, startExtractionRunner } from './search.extraction.ts';

const NOW = new Date('2026-11-25T03:00:00Z');

describe('text extraction feeds the search', () => {
  let t: TestApp;
  let vanthu: Client;
  let chuyenvien: Client;
  let letter: Buffer;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-search-extract-'));

  const upload = async (bytes: Buffer, filename: string, contentType = 'application/pdf') => {
    const f = multipartFile({ field: 'file', filename, bytes, contentType });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: vanthu.cookie, 'x-csrf-token': vanthu.csrf, 'content-type': f.contentType },
      payload: f.payload,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().file.id as number;
  };
  const register = async (fileId: number, extra: Record<string, unknown> = {}) => {
    const r = await vanthu.post('/api/incoming', {
      channel: 'paper',
      issuerName: 'Tỉnh ủy Hồng Lam',
      notation: `${Math.floor(Math.random() * 900) + 100}-CV/TU`,
      documentDate: '2026-11-20',
      summary: 'Công văn gửi các cấp ủy trực thuộc',
      attachments: [{ fileId, main: true }],
      paperLocation: 'Tủ hồ sơ mật số 1',
      ...extra,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const search = async (c: Client, q: string) => (await c.get(`/api/search?q=${encodeURIComponent(q)}`)).json() as SearchResult;
  const textStatus = async (c: Client, fileId: number) => c.get(`/api/files/${fileId}/text`);

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    [vanthu, chuyenvien] = await Promise.all([t.login('vanthu'), t.login('chuyenvien')]);
    letter = Buffer.from(await letterPdf());
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await t.cleanup();
  });

  it('queues the attachment at registration, extracts its text layer, and then finds the document by words of its body', async () => {
    const fileId = await upload(letter, 'cong-van-12.pdf');
    const docId = await register(fileId);
    expect((await textStatus(vanthu, fileId)).json()).toMatchObject({ status: 'queued', pagesDone: 0 });
    expect((await search(vanthu, 'ra soat danh sach')).items.map((i) => i.id)).not.toContain(docId);

    expect(await drainExtractions(t.ctx)).toBeGreaterThanOrEqual(1);
    const view = (await textStatus(vanthu, fileId)).json() as FileTextView;
    expect(view).toMatchObject({ status: 'done', method: 'text-layer', pages: 2, pagesDone: 2, legacyEncoding: null, searchablePdfFileId: null });
    expect(view.chars).toBeGreaterThan(200);

    const r = await search(vanthu, 'ra soat danh sach');
    const hit = r.items.find((i) => i.kind === 'incoming' && i.id === docId)!;
    expect(hit.matchedIn).toBe('text');
    expect(hit.highlights.map(([s, n]) => hit.snippet.slice(s, s + n))).toEqual(['rà soát danh sách']);
    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'files.text_extracted').where('entity_id', '=', String(fileId)).execute();
    expect(audit).toHaveLength(1);
  });

  it('answers the extraction status only to whoever may see the document (404 otherwise)', async () => {
    const fileId = await upload(letter, 'cong-van-13.pdf');
    await register(fileId);
    expect((await textStatus(chuyenvien, fileId)).statusCode).toBe(404);
    expect((await textStatus(vanthu, 999_999)).statusCode).toBe(404);
  });

  it('reads a scanned page by OCR, keeps a searchable PDF beside it, and finds the document by its words', async () => {
    const pdfPath = path.join(tmp, 'letter.pdf');
    fs.writeFileSync(pdfPath, letter);
    const png = fs.readFileSync(rasterise(pdfPath, 1, 200, path.join(tmp, 'page1')));
    const scan = Buffer.from(await scanPdf(png, letter));
    const fileId = await upload(scan, 'ban-quet.pdf');
    const docId = await register(fileId, { summary: 'Bản quét nhận qua bưu điện' });
    await drainExtractions(t.ctx);
    const view = (await textStatus(vanthu, fileId)).json() as FileTextView;
    expect(view).toMatchObject({ status: 'done', method: 'ocr', pages: 2 });
    expect(view.searchablePdfFileId).not.toBeNull();
    const r = await search(vanthu, 'tang cuong cong tac quan ly');
    expect(r.items.filter((i) => i.kind === 'incoming').map((i) => i.id)).toContain(docId);
  }, 120_000);

  it('a stopping server hands a running OCR back to the queue at once', async () => {
    const pdfPath = path.join(tmp, 'letter-stop.pdf');
    fs.writeFileSync(pdfPath, letter);
    const png = fs.readFileSync(rasterise(pdfPath, 1, 200, path.join(tmp, 'stop1')));
    const fileId = await upload(Buffer.from(await scanPdf(png, letter)), 'ban-quet-2.pdf');
    await register(fileId, { summary: 'Bản quét thứ hai' });
    const runner = startExtractionRunner(t.ctx, { everyMs: 50 });
    const row = () => t.ctx.db.selectFrom('file_texts').selectAll().where('file_id', '=', fileId).executeTakeFirstOrThrow();
    for (let i = 0; i < 200 && (await row()).status !== 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect((await row()).status).toBe('running');
    await runner.stop();
    expect(await row()).toMatchObject({ status: 'queued', locked_by: null, attempts: 0 });
    await drainExtractions(t.ctx);
    expect((await row()).status).toBe('done');
  }, 120_000);

  it('says plainly when the tools are missing, and never crashes', async () => {
    const fileId = await upload(letter, 'cong-van-14.pdf');
    await register(fileId);
    const empty = fs.mkdtempSync(path.join(tmp, 'no-tools-'));
    resetToolCache();
    await drainExtractions(t.ctx, { pathEnv: empty });
    resetToolCache();
    const view = (await textStatus(vanthu, fileId)).json() as FileTextView;
    expect(view.status).toBe('unavailable');
    expect(view.message).toContain('poppler-utils');
  });

  it('does not extract the files of a secret document (isolated LAN, where they may be attached)', async () => {
    const admin = await t.login('admin');
    expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    const fileId = await upload(letter, 'mat.pdf');
    await register(fileId, { secrecy: 'confidential' });
    await drainExtractions(t.ctx);
    const row = await t.ctx.db.selectFrom('file_texts').selectAll().where('file_id', '=', fileId).executeTakeFirst();
    expect(row).toBeUndefined();
    const view = (await textStatus(vanthu, fileId)).json() as FileTextView;
    expect(view).toMatchObject({ status: 'unavailable', chars: 0 });
  });

  it('drops the extracted text when a draft becomes secret, and the index no longer holds its words', async () => {
    // Still on the isolated LAN (previous test): a secret draft may keep its files there, encrypted.
    const drafter = await t.login('chuyenvien');
    const created = await drafter.post('/api/outgoing', {
      issuerCommitteeId: 1,
      documentTypeId: 24,
      recipients: [{ committeeId: 3 }],
      content: { summary: 'Dự thảo kèm tệp PDF', body: '' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const f = multipartFile({ field: 'file', filename: 'du-thao.pdf', bytes: letter, contentType: 'application/pdf' });
    const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: drafter.cookie, 'x-csrf-token': drafter.csrf, 'content-type': f.contentType }, payload: f.payload });
    const fileId = up.json().file.id as number;
    const v = await drafter.post(`/api/outgoing/${id}/versions`, { fileId, note: 'Bản trình' });
    expect(v.statusCode, v.body).toBeLessThan(300);
    await drainExtractions(t.ctx);
    expect((await search(drafter, 'ra soat danh sach')).items.map((i) => [i.kind, i.id])).toContainEqual(['outgoing', id]);

    const version = (await drafter.get(`/api/outgoing/${id}`)).json().version as number;
    const patched = await drafter.patch(`/api/outgoing/${id}`, { version, secrecy: 'confidential', paperLocation: 'Tủ mật Văn phòng' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await t.ctx.db.selectFrom('file_texts').select('file_id').where('file_id', '=', fileId).executeTakeFirst()).toBeUndefined();
    expect((await search(drafter, 'ra soat danh sach')).items.map((i) => [i.kind, i.id])).not.toContainEqual(['outgoing', id]);
    expect((await search(drafter, 'du thao kem tep')).items.map((i) => [i.kind, i.id])).toContainEqual(['outgoing', id]);
  });
});
