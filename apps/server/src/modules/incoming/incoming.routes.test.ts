import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { multipartFile, samples } from '../../platform/files/files.fixtures.ts';

const NOW = new Date('2026-11-25T03:00:00Z'); // 10:00 in Hà Nội, a Wednesday

const base = {
  channel: 'paper',
  issuerName: 'Văn phòng Trung ương Đảng',
  notation: '99-CV/VPTW',
  documentDate: '2026-11-20',
  summary: 'Về việc tổng kết công tác văn phòng cấp ủy năm 2026',
  urgency: 'normal',
  secrecy: 'none',
};

async function upload(t: TestApp, c: Client, bytes: Buffer, filename: string, contentType: string) {
  const f = multipartFile({ field: 'file', filename, bytes, contentType });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': f.contentType },
    payload: f.payload,
  });
  return r;
}

describe('incoming documents over HTTP', () => {
  let t: TestApp;
  let vanthu: Client;
  let bithu: Client;
  let chuyenvien: Client;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    [vanthu, bithu, chuyenvien] = await Promise.all([t.login('vanthu'), t.login('bithu'), t.login('chuyenvien')]);
  });
  afterAll(async () => t.cleanup());

  it('registers a document with the next arrival number of the ordinary register and answers the record', async () => {
    const regs = (await vanthu.get('/api/incoming/registers?year=2026')).json().items as { id: number; kind: string; lastNumber: number }[];
    const ordinary = regs.find((r) => r.kind === 'ordinary')!;
    const r = await vanthu.post('/api/incoming', base);
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({
      arrivalNumber: ordinary.lastNumber + 1,
      register: { id: ordinary.id, kind: 'ordinary', year: 2026 },
      notation: '99-CV/VPTW',
      issuerName: 'Văn phòng Trung ương Đảng',
      summary: base.summary,
      documentDate: '2026-11-20',
      urgency: 'normal',
      secrecy: 'none',
      status: 'registered',
      arrivalDate: '2026-11-25',
    });
    expect(body.deadline).toMatch(/^2026-12-\d\d$/);
    expect(body.trail.map((e: { action: string }) => e.action)).toEqual(['registered']);
    expect(body.abilities).toMatchObject({ present: true, direct: false, update: true });
    expect(body.stamp).toMatchObject({ arrivalNumber: body.arrivalNumber, arrivalDate: '2026-11-25', arrivalTime: '10:00' });
  });

  it('warns (but registers) on an unrecognised notation and on a duplicate', async () => {
    const first = await vanthu.post('/api/incoming', { ...base, notation: 'Số 7/ABC' });
    expect(first.statusCode).toBe(201);
    expect(first.json().warnings.map((w: { code: string }) => w.code)).toContain('notation.unrecognised');
    const again = await vanthu.post('/api/incoming', base);
    expect(again.statusCode).toBe(201);
    expect(again.json().warnings.map((w: { code: string }) => w.code)).toContain('duplicate');
    const check = await vanthu.get(`/api/incoming/check-duplicate?issuerName=${encodeURIComponent(base.issuerName)}&notation=99-cv/vptw&documentDate=2026-11-20`);
    expect(check.json().duplicates.length).toBe(2);
  });

  it('takes a document through present → direct → start → complete, with every step in the trail', async () => {
    const fileUp = await upload(t, vanthu, samples.pdf(), 'cong-van.pdf', 'application/pdf');
    expect(fileUp.statusCode).toBe(201);
    const fileId = fileUp.json().file.id;
    const reg = await vanthu.post('/api/incoming', {
      ...base,
      notation: '101-CV/VPTW',
      urgency: 'flash',
      attachments: [{ fileId, main: true }],
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json().id;
    const bithuId = (await bithu.get('/api/auth/me')).json().user?.id ?? (await bithu.get('/api/auth/me')).json().id;
    const presented = await vanthu.post(`/api/incoming/${id}/present`, { toUserId: bithuId });
    expect(presented.statusCode, presented.body).toBe(200);

    const inbox = (await bithu.get('/api/incoming?inbox=mine&sort=urgency_desc')).json();
    expect(inbox.items[0].id).toBe(id);

    const directed = await bithu.post(`/api/incoming/${id}/direct`, {
      direction: 'Giao Văn phòng Tỉnh ủy chủ trì, tham mưu trả lời.',
      leadAgencyId: 1,
      deadline: '2026-12-04',
    });
    expect(directed.statusCode, directed.body).toBe(200);
    expect(directed.json()).toMatchObject({ status: 'directed', deadline: '2026-12-04', leadAgencyId: 1 });

    const mine = (await chuyenvien.get('/api/incoming?inbox=mine')).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toContain(id);
    const page = (await chuyenvien.get(`/api/incoming/${id}`)).json();
    expect(page.abilities).toMatchObject({ start: true, complete: true, direct: false });
    const pdf = await chuyenvien.get(page.attachments[0].url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline/);

    expect((await chuyenvien.post(`/api/incoming/${id}/start`, {})).statusCode).toBe(200);
    const done = await chuyenvien.post(`/api/incoming/${id}/complete`, { resultNote: 'Đã tham mưu công văn trả lời.' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
    expect(done.json().trail.map((e: { action: string; actorName: string }) => `${e.action}:${e.actorName}`)).toEqual([
      'registered:Nguyễn Thị Thu Hà',
      'presented:Nguyễn Thị Thu Hà',
      'directed:Phạm Quang Vinh',
      'started:Hoàng Thị Mai Phương',
      'completed:Hoàng Thị Mai Phương',
    ]);
    // A finished document cannot be started again; a specialist may never direct.
    expect((await chuyenvien.post(`/api/incoming/${id}/start`, {})).statusCode).toBe(409);
    expect((await chuyenvien.post(`/api/incoming/${id}/direct`, { direction: 'x', leadAgencyId: 1 })).statusCode).toBe(403);
  });

  it('finds documents by quick search without diacritics (đ → d) and by notation', async () => {
    await vanthu.post('/api/incoming', { ...base, notation: '77-KH/TU', summary: 'Kế hoạch kết nạp đảng viên mới trong học sinh, sinh viên' });
    const folded = (await vanthu.get('/api/incoming?q=dang vien moi')).json();
    expect(folded.items.map((i: { notation: string }) => i.notation)).toContain('77-KH/TU');
    const exact = (await vanthu.get(`/api/incoming?q=${encodeURIComponent('đảng viên')}`)).json();
    expect(exact.items.map((i: { notation: string }) => i.notation)).toContain('77-KH/TU');
    const byNotation = (await vanthu.get('/api/incoming?q=77-kh/tu')).json();
    expect(byNotation.items.map((i: { notation: string }) => i.notation)).toEqual(['77-KH/TU']);
    const none = (await vanthu.get('/api/incoming?q=khong co van ban nao nhu vay')).json();
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('searches inside a date window: every match of the window, none outside it', async () => {
    const word = 'thuynongcuaso';
    const early = await vanthu.post('/api/incoming', { ...base, notation: '81-KH/TU', arrivedAt: '2026-11-10T02:00:00Z', documentDate: '2026-11-09', summary: `Kế hoạch ${word} đầu tháng` });
    const late = await vanthu.post('/api/incoming', { ...base, notation: '82-KH/TU', summary: `Kế hoạch ${word} cuối tháng` });
    expect([early.statusCode, late.statusCode]).toEqual([201, 201]);
    const ids = async (query: string) => ((await vanthu.get(`/api/incoming?q=${word}${query}`)).json().items as { id: number }[]).map((i) => i.id);
    expect(await ids('&from=2026-11-01&to=2026-11-15')).toEqual([early.json().id]);
    expect(await ids('&from=2026-11-20')).toEqual([late.json().id]);
    expect(await ids('&year=2026')).toEqual([late.json().id, early.json().id]);
    expect(await ids('&year=2025')).toEqual([]);
    expect(await ids('&from=2026-11-11&to=2026-11-12')).toEqual([]);
  });
});
