import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { multipartFile, samples, zip } from '../../platform/files/files.fixtures.ts';

/**
 * Issue 3 acceptance: bad input gets a clear 4xx naming the field, nothing is stored, text is stored NFC.
 */
const NOW = new Date('2026-11-25T03:00:00Z');
const valid = {
  issuerName: 'Ủy ban nhân dân tỉnh Hồng Lam',
  notation: '45/QĐ-UBND',
  documentDate: '2026-11-20',
  summary: 'Quyết định phê duyệt đề án sắp xếp đơn vị hành chính cấp xã',
};

describe('bad input to incoming registration', () => {
  let t: TestApp;
  let vanthu: Client;
  const counts = async () => {
    const docs = await t.ctx.db.selectFrom('incoming_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const regs = await t.ctx.db.selectFrom('incoming_registers').select(['id', 'last_number']).orderBy('id').execute();
    const trail = await t.ctx.db.selectFrom('incoming_trail').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { docs: Number(docs.n), trail: Number(trail.n), regs };
  };
  const upload = async (bytes: Buffer, filename: string, contentType: string) => {
    const f = multipartFile({ field: 'file', filename, bytes, contentType });
    return t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: vanthu.cookie, 'x-csrf-token': vanthu.csrf, 'content-type': f.contentType }, payload: f.payload });
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    vanthu = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  const cases: [string, Record<string, unknown>, string][] = [
    ['an impossible date', { documentDate: '2026-02-30' }, 'documentDate'],
    ['a month that does not exist', { documentDate: '2026-13-01' }, 'documentDate'],
    ['a document dated after it arrived', { documentDate: '2026-11-26' }, 'documentDate'],
    ['an arrival in the future', { arrivedAt: '2026-11-26T03:00:00Z' }, 'arrivedAt'],
    ['a deadline before arrival', { deadline: '2026-11-24' }, 'deadline'],
    ['an unknown issuer id', { issuerId: 999_999 }, 'issuerId'],
    ['an issuer id beyond any id', { issuerId: 2 ** 40 }, 'issuerId'],
    ['no issuer at all', { issuerName: '' }, 'issuerName'],
    ['an unknown document type', { documentTypeId: 424_242 }, 'documentTypeId'],
    ['an unknown register', { registerId: 424_242 }, 'registerId'],
    ['an unknown urgency', { urgency: 'rất khẩn' }, 'urgency'],
    ['an empty notation', { notation: '  ' }, 'notation'],
    ['a summary over 500 characters', { summary: 'x'.repeat(501) }, 'summary'],
    ['an unknown field', { arrivalNumber: 7 }, ''],
    ['NFD text in the summary', { summary: 'Quyết định về công tác cán bộ'.normalize('NFD') }, 'summary'],
    ['NFD text in the issuer', { issuerName: 'Bộ Nội vụ'.normalize('NFD') }, 'issuerName'],
    ['a secret document above the clerk’s clearance', { secrecy: 'top_secret', summary: '', paperLocation: 'Két sắt' }, 'secrecy'],
    ['a secret document without the paper location', { secrecy: 'confidential', summary: '' }, 'paperLocation'],
    ['an attachment that does not exist', { attachments: [{ fileId: 987_654, main: true }] }, 'attachments.0.fileId'],
    ['Hỏa tốc hẹn giờ without the time', { urgency: 'flash_timed' }, 'deliverBy'],
  ];

  it.each(cases)('refuses %s with a 400 naming the field, storing nothing', async (_name, change, field) => {
    const before = await counts();
    const r = await vanthu.post('/api/incoming', { ...valid, ...change });
    expect(r.statusCode, r.body).toBe(400);
    const details = (r.json().error.details ?? []) as { path: string }[];
    if (field) {
      expect(details.map((d) => d.path).join(' '), r.body).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an attachment of a kind incoming documents do not take (a ZIP)', async () => {
    const up = await upload(zip([['a.txt', 'nội dung']]), 'ho-so.zip', 'application/zip');
    expect(up.statusCode, up.body).toBe(201);
    const before = await counts();
    const r = await vanthu.post('/api/incoming', { ...valid, attachments: [{ fileId: up.json().file.id, main: true }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe('attachments.0.fileId');
    expect(await counts()).toEqual(before);
  });

  it('refuses a file whose content does not match its type, and a file over the limit, at upload', async () => {
    const liar = await upload(samples.png(), 'cong-van.pdf', 'application/pdf');
    expect(liar.statusCode).toBeGreaterThanOrEqual(400);
    expect(liar.statusCode).toBeLessThan(500);
    expect(JSON.stringify(liar.json().error)).toMatch(/file/);
    const big = await upload(Buffer.concat([samples.pdf(), Buffer.alloc(t.ctx.config.maxFileBytes + 1, 0x20)]), 'lon.pdf', 'application/pdf');
    expect(big.statusCode).toBe(413);
  });

  it('refuses another clerk’s upload as an attachment', async () => {
    const other = await t.login('chuyenvien');
    const f = multipartFile({ field: 'file', filename: 'a.pdf', bytes: samples.pdf(), contentType: 'application/pdf' });
    const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: other.cookie, 'x-csrf-token': other.csrf, 'content-type': f.contentType }, payload: f.payload });
    expect(up.statusCode).toBe(201);
    const r = await vanthu.post('/api/incoming', { ...valid, attachments: [{ fileId: up.json().file.id, main: true }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe('attachments.0.fileId');
  });

  it('stores text in NFC and the notation as printed, without a leading "Số"', async () => {
    const r = await vanthu.post('/api/incoming', { ...valid, notation: 'Số 45 / QĐ-UBND', signer: 'Nguyễn Văn Hùng' });
    expect(r.statusCode, r.body).toBe(201);
    const row = await t.ctx.db.selectFrom('incoming_documents').select(['summary', 'issuer_name', 'signer', 'notation', 'notation_folded']).where('id', '=', r.json().id).executeTakeFirstOrThrow();
    for (const v of [row.summary!, row.issuer_name, row.signer]) {
      expect(v).toBe(v.normalize('NFC'));
    }
    expect(row).toMatchObject({ notation: '45/QĐ-UBND', notation_folded: '45/qd-ubnd', summary: valid.summary });
  });

  it('refuses registration to people without the clerk’s permission, and steps out of order', async () => {
    const specialist = await t.login('chuyenvien');
    expect((await specialist.post('/api/incoming', valid)).statusCode).toBe(403);
    const created = (await vanthu.post('/api/incoming', { ...valid, notation: '46/QĐ-UBND' })).json();
    const bithu = await t.login('bithu');
    // Directing needs a lead; a deadline before arrival is refused; completing before directing is a 409.
    const noLead = await bithu.post(`/api/incoming/${created.id}/direct`, { direction: 'Giao xử lý.' });
    expect(noLead.statusCode).toBe(400);
    expect(noLead.json().error.details[0].path).toBe('leadAgencyId');
    const early = await bithu.post(`/api/incoming/${created.id}/direct`, { direction: 'Giao xử lý.', leadAgencyId: 1, deadline: '2026-11-01' });
    expect(early.json().error.details[0].path).toBe('deadline');
    expect((await bithu.post(`/api/incoming/${created.id}/complete`, { resultNote: 'Xong' })).statusCode).toBe(409);
    const unknownUnit = await bithu.post(`/api/incoming/${created.id}/direct`, { direction: 'Giao xử lý.', leadAgencyId: 31_337 });
    expect(unknownUnit.json().error.details[0].path).toBe('leadAgencyId');
    const trail = await t.ctx.db.selectFrom('incoming_trail').select('action').where('document_id', '=', created.id).execute();
    expect(trail.map((x) => x.action)).toEqual(['registered']);
  });
});
