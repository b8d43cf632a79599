import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';

/** Findings of the security review of issue 4, each kept fixed by a test. */
describe('outgoing security rules', () => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  const userId = async (u: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    for (const u of ['vanthu', 'chuyenvien', 'chanhvp', 'bithu', 'kiemtra']) {
      c[u] = await t.login(u);
    }
  });
  afterAll(async () => t.cleanup());

  it('a signature is not delegated; a delegate sees only what waits on the delegator now', async () => {
    const g = await c.bithu!.post('/api/outgoing/delegations', { toUserId: await userId('kiemtra'), startsOn: '2026-11-25', endsOn: '2026-11-26', reason: 'Họp Trung ương' });
    expect(g.statusCode, g.body).toBe(201);
    const kiemtra = await t.login('kiemtra');
    const waiting = await kiemtra.get('/api/outgoing/5'); // awaiting bithu's signature
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json().abilities.sign).toBe(false);
    expect((await kiemtra.post('/api/outgoing/5/sign', { version: waiting.json().version })).statusCode).toBe(403);
    expect((await kiemtra.get('/api/outgoing/1')).statusCode).toBe(404); // signed by bithu long ago: not the delegate's business
    await c.bithu!.del(`/api/outgoing/delegations/${g.json().id}`);
  });

  it('a draft that already holds text cannot become a secret stub on a networked deployment', async () => {
    const d = (await c.chuyenvien!.get('/api/outgoing/7')).json();
    const r = await c.chuyenvien!.patch('/api/outgoing/7', { version: d.version, secrecy: 'confidential', paperLocation: 'Tủ mật', content: { ...d.content, body: '' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'outgoing.reclassify_refused', details: [{ path: 'secrecy' }] });
    expect((await c.chuyenvien!.get('/api/outgoing/7')).json()).toMatchObject({ secrecy: 'none', version: d.version });
  });

  it('a document laid out elsewhere is stamped with its number and date before it is sealed', async () => {
    let d = (await c.chuyenvien!.get('/api/outgoing/10')).json();
    d = (await c.chuyenvien!.post('/api/outgoing/10/submit', { version: d.version })).json();
    d = (await c.chanhvp!.post('/api/outgoing/10/approve', { version: d.version, comment: '' })).json();
    d = (await c.bithu!.post('/api/outgoing/10/sign', { version: d.version })).json();
    const issued = await c.vanthu!.post('/api/outgoing/10/issue', { version: d.version });
    expect(issued.statusCode, issued.body).toBe(200);
    const pdf = await c.vanthu!.get('/api/outgoing/10/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-stamp-'));
    fs.writeFileSync(path.join(dir, 'a.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-']).toString('utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toContain(`Số: ${issued.json().notation} — Hồng Lam, ngày 25/11/2026`);
    expect((await c.vanthu!.get('/api/outgoing/10/docx')).statusCode).toBe(404); // no template DOCX pretends to be it
  });

  it('a secret draft goes only to people cleared for it; a delegate must be able to read outgoing documents', async () => {
    const admin = await t.login('admin');
    const circuit = await admin.put('/api/outgoing/circuits', {
      issuerCommitteeId: 1,
      issuerAgencyId: 1,
      documentTypeId: null,
      authorityForm: 'direct',
      authorityLine: '',
      signerTitle: 'CHÁNH VĂN PHÒNG',
      steps: [
        { kind: 'review', userId: await userId('tiepdan'), label: 'Cán bộ tiếp dân xem' },
        { kind: 'sign', userId: await userId('chanhvp'), label: 'Chánh Văn phòng ký' },
      ],
    });
    expect(circuit.statusCode, circuit.body).toBe(200);
    const d = (await c.chuyenvien!.post('/api/outgoing', { issuerCommitteeId: 1, issuerAgencyId: 1, documentTypeId: 12, secrecy: 'confidential', paperLocation: 'Tủ mật', recipients: [{ organizationId: 4 }], content: { summary: 'Thông báo mật', body: '' } })).json();
    const s = await c.chuyenvien!.post(`/api/outgoing/${d.id}/submit`, { version: d.version });
    expect(s.statusCode).toBe(400);
    expect(s.json().error).toMatchObject({ code: 'outgoing.circuit_clearance', details: [{ path: 'circuit.steps.0' }] });
    expect((await c.chuyenvien!.get(`/api/outgoing/${d.id}`)).json().status).toBe('draft');
    const g = await c.bithu!.post('/api/outgoing/delegations', { toUserId: await userId('ketoan'), startsOn: '2026-11-25', endsOn: '2026-11-26', reason: 'Vắng' });
    expect(g.statusCode).toBe(400);
    expect(g.json().error.code).toBe('outgoing.delegate_cannot_read');
  });

  it('the gap report is the clerk’s', async () => {
    expect((await c.chuyenvien!.get('/api/outgoing/series')).statusCode).toBe(403);
    expect((await c.chuyenvien!.get('/api/outgoing/series/1/gaps')).statusCode).toBe(403);
    expect((await c.vanthu!.get('/api/outgoing/series/1/gaps')).statusCode).toBe(200);
  });

  it('a recipient answers a recall even after its handling moved on, and only once', async () => {
    const d4 = (await c.vanthu!.get('/api/outgoing/4')).json();
    const issued = (await c.vanthu!.post('/api/outgoing/4/issue', { version: d4.version })).json();
    const toBtc = issued.deliveries.find((x: { name: string }) => x.name === 'Ban Tổ chức Tỉnh ủy');
    const inc = toBtc.incomingDocumentId as number;
    expect((await c.vanthu!.post(`/api/incoming/${inc}/present`, { toUserId: await userId('bithu') })).statusCode).toBe(200);
    const recalled = await c.vanthu!.post('/api/outgoing/4/recall', { version: (await c.vanthu!.get('/api/outgoing/4')).json().version, reason: 'Sai số liệu' });
    expect(recalled.statusCode, recalled.body).toBe(200);
    expect((await c.bithu!.post(`/api/incoming/${inc}/direct`, { direction: 'Nghiên cứu', leadAgencyId: 2 })).statusCode).toBe(200); // receipt 04 after the 13
    const answer = await c.vanthu!.post(`/api/incoming/${inc}/recall-answer`, { agree: false, note: 'Đã triển khai' });
    expect(answer.statusCode, answer.body).toBe(204);
    expect((await c.vanthu!.post(`/api/incoming/${inc}/recall-answer`, { agree: true, note: '' })).statusCode).toBe(409);
    const codes = (await c.vanthu!.get('/api/outgoing/4')).json().receipts.filter((r: { recipientId: number }) => r.recipientId === toBtc.recipientId).map((r: { code: string }) => r.code);
    expect(codes).toEqual(['01', '03', '13', '04', '16']);
  });
});
