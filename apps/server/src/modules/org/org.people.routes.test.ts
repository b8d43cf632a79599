import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { auditCount, auditEvents, DEMO, loginScopedUser } from './org.test-support.ts';

const names = (r: { json(): { items: { fullName: string }[] } }) => r.json().items.map((p) => p.fullName);

describe('positions (chức vụ)', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  it('lists positions by rank with their signature titles', async () => {
    const r = await (await t.login('chuyenvien')).get('/api/org/positions');
    expect(r.statusCode).toBe(200);
    expect(r.json().items[0]).toEqual({
      id: 1,
      name: 'Bí thư Tỉnh ủy',
      signatureTitle: 'BÍ THƯ',
      isLeader: true,
      rank: 1,
      abilities: { update: false },
    });
  });

  it('the province admin adds and edits a position; both are audited', async () => {
    const r = await admin.post('/api/org/positions', {
      name: 'Phó Trưởng phòng',
      signatureTitle: 'PHÓ TRƯỞNG PHÒNG',
      isLeader: true,
      rank: 31,
    });
    expect(r.statusCode).toBe(201);
    const { position } = r.json();
    expect(position).toMatchObject({
      name: 'Phó Trưởng phòng',
      isLeader: true,
      rank: 31,
      abilities: { update: true },
    });
    const p = await admin.patch(`/api/org/positions/${position.id}`, { rank: 32 });
    expect(p.json().position).toMatchObject({ rank: 32, signatureTitle: 'PHÓ TRƯỞNG PHÒNG', isLeader: true });
    expect(await auditEvents(t, 'org.position_created', position.id)).toHaveLength(1);
    expect((await auditEvents(t, 'org.position_updated', position.id))[0]?.details).toEqual({
      changes: { rank: 32 },
    });
  });

  it('position names are unique; bad input answers 400 with the path; a missing position is 404', async () => {
    const dup = await admin.post('/api/org/positions', { name: 'Chuyên viên' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'org.position_name_taken', details: [{ path: 'name' }] });
    const bad = await admin.post('/api/org/positions', { name: 'Tổ trưởng', rank: -1 });
    expect(bad.json().error).toMatchObject({ code: 'validation.failed', details: [{ path: 'body.rank' }] });
    expect((await admin.patch('/api/org/positions/9999', { rank: 1 })).json().error.code).toBe(
      'org.position_not_found',
    );
  });

  it('a commune office cannot change positions shared by the whole province', async () => {
    const communeAdmin = await loginScopedUser(t, {
      username: 'quantrixa',
      committeeId: DEMO.tanPhu,
      role: 'admin',
    });
    const before = await auditCount(t);
    const r = await communeAdmin.post('/api/org/positions', { name: 'Trưởng thôn' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('org.out_of_scope');
    expect((await communeAdmin.patch('/api/org/positions/1', { rank: 0 })).statusCode).toBe(403);
    expect((await communeAdmin.get('/api/org/positions')).json().items[0].abilities.update).toBe(false);
    expect(await auditCount(t)).toBe(before);
  });
});

describe('people (nhân sự)', () => {
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

  it('"nguyen van hung" finds "Nguyễn Văn Hùng": search ignores tones, marks, case and đ/d', async () => {
    const r = await admin.get('/api/org/people?q=nguyen%20van%20hung');
    expect(r.statusCode).toBe(200);
    expect(names(r)).toEqual(['Nguyễn Văn Hùng']);
    expect(r.json().items[0]).toMatchObject({
      committeeId: 1,
      agencyId: null,
      positionName: 'Phó Bí thư Thường trực Tỉnh ủy',
      gender: 'male',
      birthYear: 1968,
      active: true,
      abilities: { update: true },
    });
    expect(names(await admin.get('/api/org/people?q=dang%20huu'))).toEqual(['Đặng Hữu Nghĩa']);
    expect(names(await admin.get(`/api/org/people?q=${encodeURIComponent('ĐỖ THỊ')}`))).toEqual([
      'Đỗ Thị Ngọc Ánh',
    ]);
    expect(names(await admin.get('/api/org/people?q=hung%20nguyen'))).toEqual(['Nguyễn Văn Hùng']);
    expect((await admin.get('/api/org/people?q=%25')).json().total).toBe(0);
  });

  it('filters by committee and agency, and pages with a total', async () => {
    const vptu = (await admin.get(`/api/org/people?agencyId=${DEMO.vptu}&limit=3&offset=0`)).json();
    expect(vptu.items).toHaveLength(3);
    expect(vptu.total).toBe(13);
    const next = (await admin.get(`/api/org/people?agencyId=${DEMO.vptu}&limit=3&offset=3`)).json();
    expect(next.items[0].id).not.toBe(vptu.items[0].id);
    expect(names(await admin.get(`/api/org/people?committeeId=${DEMO.tanPhu}`))).toEqual([
      'Lê Thị Kim Chi',
      // The commune account's person (xatanphu), of the commune's office.
      'Ngô Thị Thanh Tâm',
      'Nguyễn Hữu Phước',
      'Trần Văn Lộc',
    ]);
    expect((await admin.get('/api/org/people?limit=500')).json().error.details[0].path).toBe(
      'querystring.limit',
    );
  });

  it('a commune office sees only its own people, not the province’s nor another commune’s', async () => {
    const r = (await communeAdmin.get('/api/org/people?limit=200')).json();
    expect(r.items.map((p: { committeeId: number }) => p.committeeId)).toEqual([
      DEMO.tanPhu,
      DEMO.tanPhu,
      DEMO.tanPhu,
      DEMO.tanPhu,
    ]);
    expect((await communeAdmin.get('/api/org/people?q=nguyen%20van%20hung')).json().total).toBe(0);
  });

  it('adding a person stores the folded name for search and is audited; an agency alone settles the committee', async () => {
    const r = await admin.post('/api/org/people', {
      fullName: 'Đoàn Thị Ánh Tuyết',
      gender: 'female',
      birthYear: 1994,
      agencyId: DEMO.vptu,
      positionId: 13,
      email: 'tuyet.dta@honglam.example',
    });
    expect(r.statusCode).toBe(201);
    const { person } = r.json();
    expect(person).toMatchObject({
      fullName: 'Đoàn Thị Ánh Tuyết',
      committeeId: DEMO.province,
      agencyId: DEMO.vptu,
      positionName: 'Chuyên viên',
      phone: null,
      active: true,
    });
    const row = await t.ctx.db
      .selectFrom('people')
      .select('full_name_folded')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.full_name_folded).toBe('doan thi anh tuyet');
    expect(names(await admin.get('/api/org/people?q=doan%20thi%20anh'))).toEqual(['Đoàn Thị Ánh Tuyết']);
    const [ev] = await auditEvents(t, 'org.person_created', person.id);
    expect(ev).toMatchObject({
      actor_name: 'admin',
      entity_type: 'person',
      details: { fullName: 'Đoàn Thị Ánh Tuyết', committeeId: DEMO.province },
    });
  });

  it('a commune office adds a person to its own commune by default, and edits them; renaming refreshes the search key', async () => {
    const r = await communeAdmin.post('/api/org/people', { fullName: 'Phan Văn Định' });
    expect(r.json().person).toMatchObject({ committeeId: DEMO.tanPhu, agencyId: null, gender: null });
    const id = r.json().person.id;
    const p = await communeAdmin.patch(`/api/org/people/${id}`, {
      fullName: 'Phan Văn Đĩnh',
      agencyId: DEMO.vpduTanPhu,
      phone: '0912345678',
    });
    expect(p.statusCode).toBe(200);
    expect(p.json().person).toMatchObject({
      fullName: 'Phan Văn Đĩnh',
      committeeId: DEMO.tanPhu,
      agencyId: DEMO.vpduTanPhu,
      phone: '0912345678',
    });
    expect(names(await communeAdmin.get('/api/org/people?q=phan%20van%20dinh'))).toEqual(['Phan Văn Đĩnh']);
    const [ev] = await auditEvents(t, 'org.person_updated', id);
    expect(ev?.details).toEqual({
      changes: { fullName: 'Phan Văn Đĩnh', agencyId: DEMO.vpduTanPhu, phone: '0912345678' },
    });
  });

  it('bad input answers 400 with the path and writes nothing', async () => {
    const before = await auditCount(t);
    const email = await admin.post('/api/org/people', { fullName: 'Lê Văn An', email: 'không-phải-email' });
    expect(email.statusCode).toBe(400);
    expect(email.json().error).toMatchObject({
      code: 'validation.failed',
      details: [{ path: 'body.email' }],
    });
    const mismatch = await admin.post('/api/org/people', {
      fullName: 'Lê Văn An',
      committeeId: DEMO.tanPhu,
      agencyId: DEMO.vptu,
    });
    expect(mismatch.json().error).toMatchObject({
      code: 'org.agency_not_in_committee',
      details: [{ path: 'agencyId' }],
    });
    const position = await admin.post('/api/org/people', { fullName: 'Lê Văn An', positionId: 9999 });
    expect(position.json().error).toMatchObject({
      code: 'org.unknown_reference',
      details: [{ path: 'positionId' }],
    });
    const nfd = await admin.post('/api/org/people', { fullName: 'Lê Văn An'.normalize('NFD') });
    expect(nfd.json().error.code).toBe('validation.not_nfc');
    expect(await auditCount(t)).toBe(before);
  });

  it('people outside the commune answer 404 to its office, and it cannot move its people out of its scope', async () => {
    const hung = (await admin.get('/api/org/people?q=nguyen%20van%20hung')).json().items[0];
    const r = await communeAdmin.patch(`/api/org/people/${hung.id}`, { phone: '0900000000' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('org.person_not_found');
    const own = (await communeAdmin.get('/api/org/people?limit=1')).json().items[0];
    const away = await communeAdmin.patch(`/api/org/people/${own.id}`, {
      committeeId: DEMO.province,
      agencyId: null,
    });
    expect(away.statusCode).toBe(403);
    expect(away.json().error).toMatchObject({ code: 'org.out_of_scope', details: [{ path: 'committeeId' }] });
    const hidden = await communeAdmin.post('/api/org/people', { fullName: 'Lê Văn An', agencyId: 9 });
    expect(hidden.json().error).toMatchObject({
      code: 'org.unknown_reference',
      details: [{ path: 'agencyId' }],
    });
  });

  it('a reader without org.manage cannot add or edit people', async () => {
    const clerk = await t.login('vanthu');
    expect((await clerk.post('/api/org/people', { fullName: 'Lê Văn An' })).statusCode).toBe(403);
    expect((await clerk.patch('/api/org/people/1', { phone: '0900000000' })).statusCode).toBe(403);
    expect((await clerk.get('/api/org/people?limit=1')).json().items[0].abilities.update).toBe(false);
  });
});
