import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { multipartFile, samples } from '../../platform/files/files.fixtures.ts';

/**
 * Regressions from the security review of issue 3: people and units outside a document's reach,
 * re-attached files, content after a profile switch, register counters, self-naming through edits,
 * backdated arrivals, issuer and paper-location corrections.
 */
const NOW = new Date('2026-11-25T03:00:00Z');
const base = { issuerName: 'Bộ Nội vụ', notation: '123/BNV-CQĐP', documentDate: '2026-11-20', summary: 'Về việc báo cáo tổ chức bộ máy' };

describe('incoming security regressions', () => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  const idOf: Record<string, number> = {};
  let communeAgency: number;

  const upload = async (who: string) => {
    const f = multipartFile({ field: 'file', filename: 'a.pdf', bytes: samples.pdf(), contentType: 'application/pdf' });
    const r = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: c[who]!.cookie, 'x-csrf-token': c[who]!.csrf, 'content-type': f.contentType }, payload: f.payload });
    return r.json().file.id as number;
  };
  const presented = async (extra: Record<string, unknown> = {}) => {
    const r = await c.vanthu!.post('/api/incoming', { ...base, notation: `${Math.floor(Math.random() * 1e6)}/BNV-X`, presentTo: idOf.bithu, ...extra });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    for (const u of ['admin', 'vanthu', 'bithu', 'chuyenvien', 'ketoan', 'luutru']) {
      c[u] = await t.login(u);
      idOf[u] = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
    }
    communeAgency = (await t.ctx.db.selectFrom('agencies').innerJoin('committees', 'committees.id', 'agencies.committee_id').select('agencies.id').where('committees.name', '=', 'Đảng ủy xã Tân Phú').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.cleanup());

  it('a direction may not name a unit of another committee, nor a person who cannot open the document', async () => {
    const id = await presented();
    const unit = await c.bithu!.post(`/api/incoming/${id}/direct`, { direction: 'Giao xử lý.', leadAgencyId: communeAgency });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.details[0].path).toBe('leadAgencyId');
    const person = await c.bithu!.post(`/api/incoming/${id}/direct`, { direction: 'Giao xử lý.', leadUserId: idOf.ketoan });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.details[0].path).toBe('leadUserId');
    const info = await c.bithu!.post(`/api/incoming/${id}/direct`, { direction: 'Giao xử lý.', leadAgencyId: 1, infoUserIds: [idOf.ketoan] });
    expect(info.json().error.details[0].path).toBe('infoUserIds');
    const notes = await t.ctx.db.selectFrom('notifications').select('id').where('user_id', '=', idOf.ketoan!).where('kind', 'like', 'incoming.%').execute();
    expect(notes).toEqual([]);
  });

  it('a file attached to one document cannot be attached to another', async () => {
    const fileId = await upload('vanthu');
    expect((await c.vanthu!.post('/api/incoming', { ...base, notation: '1/BNV-A', attachments: [{ fileId, main: true }] })).statusCode).toBe(201);
    const again = await c.vanthu!.post('/api/incoming', { ...base, notation: '2/BNV-A', attachments: [{ fileId, main: true }] });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'incoming.file_already_attached', details: [{ path: 'attachments.0.fileId' }] });
  });

  it('secret content kept from an isolated-LAN period is not served after switching to a networked profile', async () => {
    expect((await c.admin!.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    const fileId = await upload('vanthu');
    const r = await c.vanthu!.post('/api/incoming', { ...base, notation: '3/BNV-M', secrecy: 'confidential', attachments: [{ fileId, main: true }] });
    expect(r.statusCode, r.body).toBe(201);
    const url = r.json().attachments[0].url as string;
    expect((await c.vanthu!.get(url)).statusCode).toBe(200);
    expect((await c.admin!.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
    expect((await c.vanthu!.get(url)).statusCode).toBe(404);
    const page = (await c.vanthu!.get(`/api/incoming/${r.json().id}`)).json();
    expect(page.attachments).toEqual([]);
    expect(page.abilities.downloadAttachments).toBe(false);
  });

  it('register counters are shown only to those who register: others cannot count secret arrivals', async () => {
    const regs = (await c.chuyenvien!.get('/api/incoming/registers')).json().items as { lastNumber: number | null }[];
    expect(regs.length).toBeGreaterThan(0);
    expect(regs.every((r) => r.lastNumber === null)).toBe(true);
    const mine = (await c.vanthu!.get('/api/incoming/registers')).json().items as { lastNumber: number | null }[];
    expect(mine.some((r) => typeof r.lastNumber === 'number' && r.lastNumber > 0)).toBe(true);
  });

  it('an edit does not make the editor a reader of secret content', async () => {
    expect((await c.admin!.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    const fileId = await upload('vanthu');
    const r = await c.vanthu!.post('/api/incoming', { ...base, notation: '4/BNV-M', secrecy: 'confidential', attachments: [{ fileId, main: true }] });
    const id = r.json().id as number;
    // luutru (archivist, cleared Tối mật) sees the record but is not named: no content.
    const before = (await c.luutru!.get(`/api/incoming/${id}`)).json();
    expect(before.abilities.downloadAttachments).toBe(false);
    await t.ctx.db.insertInto('incoming_trail').values({ document_id: id, action: 'updated', actor_id: idOf.luutru!, actor_name: 'x', at: NOW.toISOString(), from_status: 'registered', to_status: 'registered', note: '', details: '{}' }).execute();
    expect((await c.luutru!.get(`/api/incoming/${id}`)).json().abilities.downloadAttachments).toBe(false);
    expect((await c.luutru!.get(r.json().attachments[0].url)).statusCode).toBe(404);
    expect((await c.admin!.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
  });

  it('an arrival more than a month back, or a delivery time before arrival, is refused', async () => {
    const old = await c.vanthu!.post('/api/incoming', { ...base, arrivedAt: '1970-01-01T00:00:00Z', documentDate: '1969-12-30' });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.details[0].path).toBe('arrivedAt');
    const late = await c.vanthu!.post('/api/incoming', { ...base, urgency: 'flash_timed', deliverBy: '2026-11-24T03:00:00Z' });
    expect(late.json().error.details[0].path).toBe('deliverBy');
    expect(await t.ctx.db.selectFrom('incoming_registers').select('id').where('year', '=', 1970).execute()).toEqual([]);
  });

  it('correcting the issuer by name drops the directory link; a blank issuer or paper location is refused', async () => {
    const org = (await c.vanthu!.get('/api/organizations?q=bo noi vu')).json().items[0];
    const r = await c.vanthu!.post('/api/incoming', { ...base, notation: '5/BNV-A', issuerId: org.id, issuerName: '' });
    const doc = r.json();
    expect(doc.issuerId).toBe(org.id);
    const renamed = await c.vanthu!.patch(`/api/incoming/${doc.id}`, { issuerName: 'Sở Nội vụ tỉnh Hồng Lam', version: doc.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ issuerId: null, issuerName: 'Sở Nội vụ tỉnh Hồng Lam' });
    const blank = await c.vanthu!.patch(`/api/incoming/${doc.id}`, { issuerName: '', version: renamed.json().version });
    expect(blank.json().error.details[0].path).toBe('issuerName');
    const stub = await c.vanthu!.post('/api/incoming', { ...base, notation: '6/BNV-M', summary: '', secrecy: 'confidential', paperLocation: 'Tủ mật' });
    expect(stub.statusCode, stub.body).toBe(201);
    const noPaper = await c.vanthu!.patch(`/api/incoming/${stub.json().id}`, { paperLocation: '', version: stub.json().version });
    expect(noPaper.json().error.details[0].path).toBe('paperLocation');
  });
});
