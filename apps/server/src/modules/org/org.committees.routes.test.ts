import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { auditCount, auditEvents, DEMO, loginScopedUser } from './org.test-support.ts';

const CELL = {
  parentId: DEMO.tanPhu,
  levelCode: 'cell',
  name: 'Chi bộ thôn Phú An',
  superiorLine: 'ĐẢNG BỘ XÃ TÂN PHÚ',
  placeName: 'Tân Phú',
  abbreviation: 'CB',
};

describe('committee levels and the committee tree', () => {
  let t: TestApp;
  let admin: Client;
  let communeAdmin: Client;
  let communeClerk: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    communeAdmin = await loginScopedUser(t, {
      username: 'quantrixa',
      committeeId: DEMO.tanPhu,
      role: 'admin',
    });
    communeClerk = await loginScopedUser(t, {
      username: 'vanthuxa',
      committeeId: DEMO.tanPhu,
      role: 'clerk',
    });
  });
  afterAll(async () => t.cleanup());

  it('any org.view holder reads the levels, from Trung ương down to chi bộ, with huyện ủy marked historic', async () => {
    const r = await (await t.login('vanthu')).get('/api/org/levels');
    expect(r.statusCode).toBe(200);
    const { items, total } = r.json();
    expect(total).toBe(6);
    expect(items[0]).toEqual({ code: 'central', name: 'Trung ương', rank: 0, historic: false });
    expect(items.find((l: { code: string }) => l.code === 'district')).toMatchObject({ historic: true });
  });

  it('the province office sees the whole tree flat with parentId and level names; historic committees only on request', async () => {
    const active = (await admin.get('/api/org/committees')).json();
    expect(active.items.map((c: { id: number }) => c.id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(active.items[0]).toMatchObject({
      id: 1,
      parentId: null,
      levelCode: 'province',
      levelName: 'Tỉnh ủy, Thành ủy',
      name: 'Tỉnh ủy Hồng Lam',
      active: true,
      abilities: { update: true },
    });
    const all = (await admin.get('/api/org/committees?includeInactive=true')).json();
    expect(all.total).toBe(7);
    expect(all.items.find((c: { id: number }) => c.id === DEMO.sonHa)).toMatchObject({
      levelCode: 'district',
      active: false,
      parentId: 1,
    });
  });

  it('a commune office sees its own committee and the province above it (read-only), not the other communes', async () => {
    const r = (await communeAdmin.get('/api/org/committees')).json();
    expect(r.items.map((c: { id: number }) => c.id).sort()).toEqual([DEMO.province, DEMO.tanPhu]);
    expect(r.items.find((c: { id: number }) => c.id === DEMO.province).abilities.update).toBe(false);
    expect(r.items.find((c: { id: number }) => c.id === DEMO.tanPhu).abilities.update).toBe(true);
    expect((await communeAdmin.get(`/api/org/committees/${DEMO.dongThanh}`)).statusCode).toBe(404);
    expect((await communeAdmin.get('/api/org/committees/9999')).json().error.code).toBe(
      'org.committee_not_found',
    );
  });

  it('a committee answers with its terms (the current one marked) and its agencies', async () => {
    const r = await communeClerk.get(`/api/org/committees/${DEMO.province}`);
    expect(r.statusCode).toBe(200);
    const { committee, terms, agencies } = r.json();
    expect(committee).toMatchObject({
      id: 1,
      superiorLine: 'ĐẢNG BỘ TỈNH HỒNG LAM',
      abilities: { update: false },
    });
    expect(terms.map((x: { ordinal: number; current: boolean }) => [x.ordinal, x.current])).toEqual([
      [16, false],
      [17, true],
    ]);
    expect(terms[1]).toMatchObject({ startsOn: '2025-10-17', endsOn: null, congressClosedOn: '2025-10-16' });
    expect(agencies.map((a: { abbreviation: string }) => a.abbreviation)).toContain('VPTU');
  });

  it('the commune office adds a chi bộ under its commune; the event is audited and the new committee is editable', async () => {
    const r = await communeAdmin.post('/api/org/committees', CELL);
    expect(r.statusCode).toBe(201);
    const { committee } = r.json();
    expect(committee).toMatchObject({
      ...CELL,
      levelName: 'Chi bộ',
      numberingRule: 'party_term',
      active: true,
      abilities: { update: true, createTerm: true },
    });
    const [ev] = await auditEvents(t, 'org.committee_created', committee.id);
    expect(ev).toMatchObject({
      actor_name: 'quantrixa',
      entity_type: 'committee',
      details: { name: 'Chi bộ thôn Phú An', parentId: DEMO.tanPhu },
    });
    expect((await communeAdmin.get('/api/org/committees')).json().total).toBe(3);
  });

  it('bad input answers 400 with the field path and writes nothing', async () => {
    const before = await auditCount(t);
    const missing = await admin.post('/api/org/committees', { ...CELL, name: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'validation.failed',
      details: [{ path: 'body.name' }],
    });
    const unknownField = await admin.post('/api/org/committees', { ...CELL, colour: 'đỏ' });
    expect(unknownField.json().error.code).toBe('validation.failed');
    const noParent = await admin.post('/api/org/committees', { ...CELL, parentId: 9999 });
    expect(noParent.json().error).toMatchObject({
      code: 'org.unknown_reference',
      details: [{ path: 'parentId' }],
    });
    const noLevel = await admin.post('/api/org/committees', { ...CELL, levelCode: 'hamlet' });
    expect(noLevel.json().error).toMatchObject({
      code: 'org.unknown_reference',
      details: [{ path: 'levelCode' }],
    });
    const upsideDown = await admin.post('/api/org/committees', { ...CELL, levelCode: 'province' });
    expect(upsideDown.json().error).toMatchObject({
      code: 'org.level_order',
      details: [{ path: 'levelCode' }],
    });
    expect(await auditCount(t)).toBe(before);
  });

  it('a commune office cannot add committees elsewhere: unseen parents are unknown, the province is out of scope', async () => {
    const sibling = await communeAdmin.post('/api/org/committees', { ...CELL, parentId: DEMO.dongThanh });
    expect(sibling.json().error).toMatchObject({
      code: 'org.unknown_reference',
      details: [{ path: 'parentId' }],
    });
    const above = await communeAdmin.post('/api/org/committees', {
      ...CELL,
      parentId: DEMO.province,
      levelCode: 'commune',
    });
    expect(above.statusCode).toBe(403);
    expect(above.json().error.code).toBe('org.out_of_scope');
    const root = await communeAdmin.post('/api/org/committees', {
      ...CELL,
      parentId: null,
      levelCode: 'province',
    });
    expect(root.statusCode).toBe(403);
  });

  it('a reader without org.manage cannot change the tree', async () => {
    expect((await communeClerk.post('/api/org/committees', CELL)).statusCode).toBe(403);
    expect(
      (await communeClerk.patch(`/api/org/committees/${DEMO.tanPhu}`, { placeName: 'Tân Phú' })).statusCode,
    ).toBe(403);
  });

  it('editing a committee changes only the named fields and is audited with the changes', async () => {
    const r = await admin.patch(`/api/org/committees/${DEMO.dongThanh}`, {
      placeName: 'Đông Thành',
      abbreviation: 'ĐUP',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().committee).toMatchObject({
      name: 'Đảng ủy phường Đông Thành',
      placeName: 'Đông Thành',
      abbreviation: 'ĐUP',
      active: true,
      parentId: 1,
    });
    const [ev] = await auditEvents(t, 'org.committee_updated', DEMO.dongThanh);
    expect(ev?.details).toEqual({ changes: { placeName: 'Đông Thành', abbreviation: 'ĐUP' } });
  });

  it('a committee cannot become its own ancestor', async () => {
    const cell = (await admin.get('/api/org/committees'))
      .json()
      .items.find((c: { name: string }) => c.name === CELL.name);
    const self = await admin.patch(`/api/org/committees/${DEMO.tanPhu}`, { parentId: DEMO.tanPhu });
    expect(self.statusCode).toBe(409);
    expect(self.json().error).toMatchObject({ code: 'org.cycle', details: [{ path: 'parentId' }] });
    const underDescendant = await admin.patch(`/api/org/committees/${DEMO.province}`, { parentId: cell.id });
    expect(underDescendant.json().error.code).toBe('org.cycle');
  });

  it('a committee moves under another parent when the levels fit, and a level change must still fit its children', async () => {
    const cell = (await admin.get('/api/org/committees'))
      .json()
      .items.find((c: { name: string }) => c.name === CELL.name);
    const moved = await admin.patch(`/api/org/committees/${cell.id}`, { parentId: DEMO.hoaBinh });
    expect(moved.json().committee.parentId).toBe(DEMO.hoaBinh);
    const tooHigh = await admin.patch(`/api/org/committees/${DEMO.hoaBinh}`, { levelCode: 'cell' });
    expect(tooHigh.json().error).toMatchObject({ code: 'org.level_order', details: [{ path: 'levelCode' }] });
  });

  it('the commune office edits its own committee but not the province above it, nor a sibling it cannot see', async () => {
    expect(
      (
        await communeAdmin.patch(`/api/org/committees/${DEMO.tanPhu}`, {
          superiorLine: 'ĐẢNG BỘ TỈNH HỒNG LAM',
        })
      ).statusCode,
    ).toBe(200);
    const above = await communeAdmin.patch(`/api/org/committees/${DEMO.province}`, { name: 'Tỉnh ủy khác' });
    expect(above.statusCode).toBe(403);
    expect(
      (await communeAdmin.patch(`/api/org/committees/${DEMO.dongThanh}`, { name: 'Khác' })).statusCode,
    ).toBe(404);
  });

  it('every change above sits in an intact audit chain', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
