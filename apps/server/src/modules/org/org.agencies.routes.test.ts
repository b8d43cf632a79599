import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { auditCount, auditEvents, DEMO, loginScopedUser } from './org.test-support.ts';

const BOARD = {
  committeeId: DEMO.tanPhu,
  name: 'Ban Xây dựng Đảng Đảng ủy xã Tân Phú',
  abbreviation: 'BXDĐ',
  kind: 'board',
};

describe('agencies (cơ quan) of a committee', () => {
  let t: TestApp;
  let admin: Client;
  let communeAdmin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    communeAdmin = await loginScopedUser(t, {
      username: 'quantrixa',
      committeeId: DEMO.tanPhu,
      role: 'admin',
    });
  });
  afterAll(async () => t.cleanup());

  it('lists the agencies of one committee, paginated, with what the reader may do', async () => {
    const r = await (await t.login('vanthu')).get(`/api/org/agencies?committeeId=${DEMO.province}&limit=2`);
    expect(r.statusCode).toBe(200);
    const { items, total } = r.json();
    expect(total).toBe(6);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      id: DEMO.vptu,
      committeeId: 1,
      name: 'Văn phòng Tỉnh ủy',
      abbreviation: 'VPTU',
      kind: 'office',
      active: true,
      abilities: { update: false },
    });
  });

  it('a commune office lists its own agencies and the province’s, never another commune’s', async () => {
    const all = (await communeAdmin.get('/api/org/agencies?limit=200')).json();
    expect(new Set(all.items.map((a: { committeeId: number }) => a.committeeId))).toEqual(
      new Set([DEMO.province, DEMO.tanPhu]),
    );
    expect((await communeAdmin.get(`/api/org/agencies?committeeId=${DEMO.dongThanh}`)).json()).toEqual({
      items: [],
      total: 0,
    });
  });

  it('the commune office adds a board to its commune, and the event is audited', async () => {
    const r = await communeAdmin.post('/api/org/agencies', BOARD);
    expect(r.statusCode).toBe(201);
    expect(r.json().agency).toMatchObject({ ...BOARD, active: true, abilities: { update: true } });
    const [ev] = await auditEvents(t, 'org.agency_created', r.json().agency.id);
    expect(ev).toMatchObject({
      actor_name: 'quantrixa',
      entity_type: 'agency',
      details: { abbreviation: 'BXDĐ', committeeId: DEMO.tanPhu },
    });
  });

  it('an abbreviation is unique within a committee (it signs the documents) but may repeat across committees', async () => {
    const before = await auditCount(t);
    const dup = await communeAdmin.post('/api/org/agencies', { ...BOARD, name: 'Ban khác' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'org.abbreviation_taken',
      details: [{ path: 'abbreviation' }],
    });
    const renamed = await admin.patch(`/api/org/agencies/${DEMO.vptu + 1}`, { abbreviation: 'VPTU' });
    expect(renamed.json().error.code).toBe('org.abbreviation_taken');
    expect(await auditCount(t)).toBe(before);
    expect((await admin.post('/api/org/agencies', { ...BOARD, committeeId: DEMO.hoaBinh })).statusCode).toBe(
      201,
    );
  });

  it('bad input answers 400 with the field path', async () => {
    const r = await admin.post('/api/org/agencies', { ...BOARD, committeeId: 'ba' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'validation.failed',
      details: [{ path: 'body.committeeId' }],
    });
    const missing = await admin.post('/api/org/agencies', { ...BOARD, committeeId: 9999 });
    expect(missing.json().error).toMatchObject({
      code: 'org.unknown_reference',
      details: [{ path: 'committeeId' }],
    });
  });

  it('editing an agency is audited with the changes; an agency with people cannot move to another committee', async () => {
    const r = await admin.patch(`/api/org/agencies/${DEMO.vptu}`, {
      name: 'Văn phòng Tỉnh ủy Hồng Lam',
      active: true,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().agency).toMatchObject({
      name: 'Văn phòng Tỉnh ủy Hồng Lam',
      abbreviation: 'VPTU',
      kind: 'office',
    });
    const [ev] = await auditEvents(t, 'org.agency_updated', DEMO.vptu);
    expect(ev?.details).toEqual({ changes: { name: 'Văn phòng Tỉnh ủy Hồng Lam', active: true } });
    const move = await admin.patch(`/api/org/agencies/${DEMO.vptu}`, { committeeId: DEMO.tanPhu });
    expect(move.statusCode).toBe(409);
    expect(move.json().error.code).toBe('org.agency_has_people');
  });

  it('the commune office cannot change the province’s agencies, and another commune’s are not found', async () => {
    expect((await communeAdmin.patch(`/api/org/agencies/${DEMO.vptu}`, { name: 'x' })).statusCode).toBe(403);
    const hidden = await communeAdmin.patch('/api/org/agencies/9', { name: 'x' });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('org.agency_not_found');
    const elsewhere = await communeAdmin.post('/api/org/agencies', {
      ...BOARD,
      committeeId: DEMO.province,
      abbreviation: 'BXYZ',
    });
    expect(elsewhere.json().error.code).toBe('org.out_of_scope');
  });
});
