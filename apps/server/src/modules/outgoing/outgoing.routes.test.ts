import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { multipartFile } from '../../platform/files/files.fixtures.ts';

const NOW = new Date('2026-11-25T03:00:00Z'); // 10:00 in Hà Nội, a Wednesday
const CV = 24;
const TAN_PHU = 3;
const BTCTU = 2;

export const letter = (summary: string) => ({
  issuerCommitteeId: 1,
  documentTypeId: CV,
  recipients: [{ committeeId: TAN_PHU }, { agencyId: BTCTU }],
  content: {
    summary,
    body: 'Ban Thường vụ Tỉnh ủy đề nghị các đơn vị báo cáo kết quả trước ngày 15/12/2026.',
    addressees: ['Đảng ủy xã Tân Phú', 'Ban Tổ chức Tỉnh ủy'],
  },
});

/** Drafts (chuyenvien), approves (chanhvp), signs (bithu): the document ready to issue, and its version. */
export async function signedLetter(c: { chuyenvien: Client; chanhvp: Client; bithu: Client }, summary: string): Promise<{ id: number; version: number }> {
  const created = await c.chuyenvien.post('/api/outgoing', letter(summary));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  let r = await c.chuyenvien.post(`/api/outgoing/${id}/submit`, { version: created.json().version });
  expect(r.statusCode, r.body).toBe(200);
  r = await c.chanhvp.post(`/api/outgoing/${id}/approve`, { version: r.json().version, comment: 'Đồng ý' });
  expect(r.statusCode, r.body).toBe(200);
  r = await c.bithu.post(`/api/outgoing/${id}/sign`, { version: r.json().version });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json().status).toBe('signed');
  return { id, version: r.json().version };
}

describe('outgoing documents over HTTP', () => {
  let t: TestApp;
  let vanthu: Client;
  let chuyenvien: Client;
  let chanhvp: Client;
  let bithu: Client;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    vanthu = await t.login('vanthu');
    chuyenvien = await t.login('chuyenvien');
    chanhvp = await t.login('chanhvp');
    bithu = await t.login('bithu');
  });
  afterAll(async () => t.cleanup());

  it('takes a công văn from draft to issue: 01-CV/TU in a fresh term, then 02; it lands in the recipients’ incoming registers', async () => {
    const { id, version } = await signedLetter({ chuyenvien, chanhvp, bithu }, 'V/v báo cáo kết quả thực hiện Chỉ thị 05-CT/TW');
    const issued = await vanthu.post(`/api/outgoing/${id}/issue`, { version });
    expect(issued.statusCode, issued.body).toBe(200);
    const body = issued.json();
    expect(body).toMatchObject({ number: 1, notation: '01-CV/TU', issuedOn: '2026-11-25', status: 'issued' });
    expect(body.deliveries).toHaveLength(2);
    for (const d of body.deliveries) {
      expect(d.delivery).toBe('internal');
      expect(d.incomingDocumentId).toBeGreaterThan(0);
      const incoming = await vanthu.get(`/api/incoming/${d.incomingDocumentId}`);
      expect(incoming.statusCode, incoming.body).toBe(200);
      expect(incoming.json()).toMatchObject({ notation: '01-CV/TU', documentDate: '2026-11-25', status: 'registered' });
    }
    const detail = (await vanthu.get(`/api/outgoing/${id}`)).json();
    expect(detail.recipients.map((r: { statusCode: string }) => r.statusCode)).toEqual(['03', '03']);
    expect(detail.receipts.map((r: { code: string }) => r.code)).toEqual(['01', '03', '01', '03']);

    const second = await signedLetter({ chuyenvien, chanhvp, bithu }, 'V/v cử cán bộ dự hội nghị tập huấn');
    const r2 = await vanthu.post(`/api/outgoing/${second.id}/issue`, { version: second.version });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json()).toMatchObject({ number: 2, notation: '02-CV/TU' });

    // The issued PDF is sealed by the issuing body and verifies.
    const pdf = await vanthu.get(`/api/outgoing/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const f = multipartFile({ field: 'file', filename: '01-CV-TU.pdf', bytes: pdf.rawPayload, contentType: 'application/pdf' });
    const v = await t.app.inject({ method: 'POST', url: '/api/signatures/verify', headers: { cookie: vanthu.cookie, 'x-csrf-token': vanthu.csrf, 'content-type': f.contentType }, payload: f.payload });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ valid: true, trusted: true });
    // And its text is the Party layout with the number and the date (pdftotext).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-out-'));
    fs.writeFileSync(path.join(dir, 'a.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'a.pdf'), '-']).toString('utf8');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toMatch(/Số\s+01-CV\/TU/);
    expect(text).toContain('Hồng Lam, ngày 25 tháng 11 năm 2026');
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the recipient’s handling sends receipts back: assigned, done', async () => {
    const { id, version } = await signedLetter({ chuyenvien, chanhvp, bithu }, 'V/v rà soát quy hoạch cán bộ');
    const r = await vanthu.post(`/api/outgoing/${id}/issue`, { version });
    const toBtc = r.json().deliveries.find((d: { name: string }) => d.name === 'Ban Tổ chức Tỉnh ủy');
    const inc = (await vanthu.get(`/api/incoming/${toBtc.incomingDocumentId}`)).json();
    const presented = await vanthu.post(`/api/incoming/${inc.id}/present`, { toUserId: 4 });
    expect(presented.statusCode, presented.body).toBe(200);
    const directed = await bithu.post(`/api/incoming/${inc.id}/direct`, { direction: 'Giao Ban Tổ chức xử lý', leadAgencyId: BTCTU });
    expect(directed.statusCode, directed.body).toBe(200);
    const detail = (await vanthu.get(`/api/outgoing/${id}`)).json();
    const rec = detail.recipients.find((x: { name: string }) => x.name === 'Ban Tổ chức Tỉnh ủy');
    expect(rec).toMatchObject({ statusCode: '04', statusLabel: 'Đã phân công' });
    const done = await bithu.post(`/api/incoming/${inc.id}/complete`, { resultNote: 'Đã rà soát, báo cáo Thường trực' });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await vanthu.get(`/api/outgoing/${id}`)).json();
    expect(after.receipts.filter((x: { recipientId: number }) => x.recipientId === rec.id).map((x: { code: string }) => x.code)).toEqual(['01', '03', '04', '06']);
  });
});
