import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programme, programmeBoard, programmeList } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addUser, demoBodies } from '../tasks/tasks.test-support.ts';

/**
 * Issue 6 §1: work programmes end to end on the demo data — create (dates from the period, a term
 * programme from its term), items, moving items from a wider programme, postponement carried over with
 * its history, progress and slipped against a fake clock, visibility (other committees 404,
 * schedule.view reads but may not write), and bad input answered 4xx naming the field with nothing
 * written.
 */
describe('programme routes', () => {
  // Wednesday 25/11/2026, 10:00 in Hà Nội.
  const clock = fixedClock(new Date('2026-11-25T03:00:00Z'));
  let t: TestApp;
  let chief: Client;
  let reader: Client;
  let ids: Awaited<ReturnType<typeof demoBodies>>;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    ids = await demoBodies(t);
    chief = await t.login('chanhvp');
    reader = await t.login('chuyenvien');
  });
  afterAll(async () => t.cleanup());

  const counts = async () => {
    const n = async (table: 'programmes' | 'programme_items' | 'programme_item_events' | 'audit_events') =>
      Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { programmes: await n('programmes'), items: await n('programme_items'), events: await n('programme_item_events'), audit: await n('audit_events') };
  };
  const auditOf = (action: string, id: number) =>
    t.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', action).where('entity_id', '=', String(id)).execute();
  const create = async (body: Record<string, unknown>) => {
    const r = await chief.post('/api/programmes', { committeeId: ids.province, body: 'thuong_truc', ...body });
    expect(r.statusCode, r.body).toBe(201);
    return programme.parse(r.json());
  };
  const add = async (programmeId: number, body: Record<string, unknown>) => {
    const r = await chief.post(`/api/programmes/${programmeId}/items`, { content: 'Nội dung thử', lead: { committeeId: ids.province, agencyId: ids.btc }, ...body });
    expect(r.statusCode, r.body).toBe(201);
    const p = programme.parse(r.json());
    return p.items[p.items.length - 1]!;
  };
  const expectField = (r: { statusCode: number; json(): unknown; body: string }, status: number, code: string, path: string) => {
    expect(r.statusCode, r.body).toBe(status);
    const e = (r.json() as { error: { code: string; details: { path: string }[] } }).error;
    expect(e.code).toBe(code);
    expect(e.details.map((d) => d.path)).toEqual([path]);
  };

  it('shows the demo programmes: the year with its moved and postponed items, progress, slipped and the board', async () => {
    const bithu = await t.login('bithu');
    const year = programme.parse((await bithu.get('/api/programmes/1')).json());
    expect(year).toMatchObject({ body: 'btv', period: 'year', year: 2026, index: null, startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(year.title).toBe('Chương trình công tác năm 2026 của Ban Thường vụ Tỉnh ủy Hồng Lam');
    expect(year.items).toHaveLength(8);
    expect(year.items.map((i) => i.status)).toEqual(['presented', 'presented', 'prepared', 'planned', 'planned', 'planned', 'planned', 'planned']);
    // 2 presented of 8 not dropped; the prepared September item slipped.
    expect(year.progress).toBe(25);
    expect(year.slipped).toEqual([year.items[2]!.id]);
    expect(year.abilities).toEqual({ addItem: false, editItems: false, moveItems: false });
    // The security report went to November, was postponed there to December: the year item follows.
    const security = year.items[4]!;
    expect(security.plannedMonth).toBe('2026-12');
    expect(security.history.map((h) => h.summary)).toEqual([
      'Đưa vào chương trình, dự kiến tháng 11/2026, Ban Nội chính Tỉnh ủy chủ trì',
      'Đưa vào Chương trình công tác tháng 11/2026 của Ban Thường vụ Tỉnh ủy Hồng Lam',
      'Lùi sang tháng 12/2026; lý do: Chờ số liệu tổng kết năm của Công an tỉnh',
    ]);
    expect(year.items[7]).toMatchObject({ id: 8, version: 1 });
    expect(year.items[0]!.history.at(-1)!.summary).toBe('Dự kiến → Đã trình; ghi chú: Hội nghị Ban Thường vụ ngày 27/3/2026');

    const nov = programme.parse((await bithu.get('/api/programmes/2')).json());
    expect(nov).toMatchObject({ period: 'month', index: 11, startsOn: '2026-11-01', endsOn: '2026-11-30' });
    expect(nov.items.map((i) => [i.fromItemId, i.status])).toEqual([
      [4, 'planned'],
      [5, 'postponed'],
    ]);
    expect(nov.items[1]!.statusReason).toBe('Chờ số liệu tổng kết năm của Công an tỉnh');
    const dec = programme.parse((await bithu.get('/api/programmes/3')).json());
    const carried = dec.items.find((i) => i.carriedFromItemId === nov.items[1]!.id)!;
    expect(carried).toMatchObject({ fromItemId: 5, plannedMonth: '2026-12', status: 'planned' });
    expect(carried.history.map((h) => h.summary)).toEqual([
      'Chuyển tiếp từ Chương trình công tác tháng 11/2026 của Ban Thường vụ Tỉnh ủy Hồng Lam (lùi thời gian; lý do: Chờ số liệu tổng kết năm của Công an tỉnh)',
    ]);

    const board = programmeBoard.parse((await bithu.get(`/api/programmes/board?committeeId=${ids.province}&year=2026`)).json());
    expect(board.bodies.map((b) => b.body)).toEqual(['bch', 'btv', 'thuong_truc']);
    const btv = board.bodies[1]!.programmes;
    expect(btv.map((p) => [p.period, p.index])).toEqual([
      ['year', null],
      ['month', 11],
      ['month', 12],
    ]);
    expect(btv[0]).toMatchObject({ total: 8, progress: 25, slipped: 1, counts: { planned: 5, prepared: 1, presented: 2, postponed: 0, dropped: 0 } });
    expect(btv[1]).toMatchObject({ total: 2, counts: { planned: 1, postponed: 1 }, slipped: 0 });
    expect(btv[2]).toMatchObject({ total: 3, counts: { planned: 3 } });
    expect(board.abilities).toEqual({ createProgramme: false });
  });

  it('creates programmes with their dates from the period, a term programme from its term; one per period', async () => {
    const q = await create({ period: 'quarter', year: 2027, index: 2 });
    expect(q).toMatchObject({ startsOn: '2027-04-01', endsOn: '2027-06-30', index: 2, items: [], progress: 0, slipped: [] });
    expect(q.title).toBe('Chương trình công tác quý II/2027 của Thường trực Tỉnh ủy Hồng Lam');
    expect(q.abilities).toEqual({ addItem: true, editItems: true, moveItems: true });
    const term17 = await t.ctx.db.selectFrom('terms').selectAll().where('committee_id', '=', ids.province).where('ordinal', '=', 17).executeTakeFirstOrThrow();
    expect(q.termId).toBe(term17.id);
    const half = await create({ body: 'bch', period: 'half', year: 2027, index: 2, title: 'Chương trình công tác 6 tháng cuối năm 2027' });
    expect(half).toMatchObject({ startsOn: '2027-07-01', endsOn: '2027-12-31', title: 'Chương trình công tác 6 tháng cuối năm 2027' });
    const term = await create({ body: 'bch', period: 'term', year: 2025, termId: term17.id });
    expect(term).toMatchObject({ startsOn: term17.starts_on, endsOn: '2030-10-16', termId: term17.id, index: null });
    expect(term.title).toBe('Chương trình công tác nhiệm kỳ 2025–2030 của Ban Chấp hành Tỉnh ủy Hồng Lam');
    expect(await auditOf('programmes.created', q.id)).toHaveLength(1);

    const before = await counts();
    expectField(await chief.post('/api/programmes', { committeeId: ids.province, body: 'thuong_truc', period: 'quarter', year: 2027, index: 2 }), 409, 'programmes.duplicate', 'period');
    expectField(await chief.post('/api/programmes', { committeeId: ids.province, body: 'btv', period: 'quarter', year: 2027, index: 5 }), 400, 'programmes.bad_index', 'index');
    expectField(await chief.post('/api/programmes', { committeeId: ids.province, body: 'btv', period: 'year', year: 2027, index: 1 }), 400, 'programmes.bad_index', 'index');
    expectField(await chief.post('/api/programmes', { committeeId: ids.province, body: 'btv', period: 'term', year: 2025 }), 400, 'programmes.term_required', 'termId');
    expectField(await chief.post('/api/programmes', { committeeId: ids.province, body: 'btv', period: 'term', year: 2026, termId: term17.id }), 400, 'programmes.term_year', 'year');
    expectField(await chief.post('/api/programmes', { committeeId: 9999, body: 'btv', period: 'year', year: 2027 }), 400, 'programmes.unknown_committee', 'committeeId');
    expect(await counts()).toEqual(before);

    const list = programmeList.parse((await chief.get(`/api/programmes?committeeId=${ids.province}&year=2027`)).json());
    expect(list.items.map((p) => p.id)).toEqual([half.id, q.id]);
  });

  it('adds items inside the period, with history and audit; bad input names the field and writes nothing', async () => {
    const p = await create({ period: 'month', year: 2027, index: 3 });
    const a = await add(p.id, { plannedOn: '2027-03-12', presenter: 'Ban Tổ chức Tỉnh ủy', expectedDocument: 'Tờ trình' });
    expect(a).toMatchObject({ plannedMonth: '2027-03', plannedOn: '2027-03-12', status: 'planned', version: 1, lead: { key: `c${ids.province}-a${ids.btc}`, name: 'Ban Tổ chức Tỉnh ủy' } });
    expect(a.history.map((h) => [h.action, h.actorName, h.summary])).toEqual([['created', 'Lê Văn Đức', 'Đưa vào chương trình, dự kiến ngày 12/03/2027, Ban Tổ chức Tỉnh ủy chủ trì']]);
    expect(await auditOf('programmes.item_added', a.id)).toHaveLength(1);
    // A monthly programme's item without a month is planned for that month; a commune may lead.
    const b = await add(p.id, { lead: { committeeId: ids.commune, agencyId: null } });
    expect(b).toMatchObject({ plannedMonth: '2027-03', plannedOn: null, lead: { name: 'Đảng ủy xã Tân Phú' } });

    const before = await counts();
    const bad = (body: Record<string, unknown>) => chief.post(`/api/programmes/${p.id}/items`, { content: 'Ngoài kỳ', ...body });
    expectField(await bad({ plannedMonth: '2027-04' }), 400, 'programmes.item_outside_period', 'plannedMonth');
    expectField(await bad({ plannedOn: '2027-02-28' }), 400, 'programmes.item_outside_period', 'plannedOn');
    expectField(await bad({ plannedMonth: '2027-03', plannedOn: '2027-04-02' }), 400, 'programmes.planned_mismatch', 'plannedOn');
    expectField(await bad({ lead: { committeeId: ids.province, agencyId: 9999 } }), 400, 'programmes.unknown_body', 'lead');
    expectField(await bad({ lead: { committeeId: 9999, agencyId: null } }), 400, 'programmes.unknown_body', 'lead');
    expectField(await bad({ lead: { committeeId: ids.province, agencyId: ids.communeOffice } }), 400, 'programmes.unknown_body', 'lead');
    // The commune's own office is not a body of the province's programme.
    expectField(await bad({ lead: { committeeId: ids.commune, agencyId: ids.communeOffice } }), 400, 'programmes.body_outside', 'lead');
    expectField(await chief.post('/api/programmes/1/items', { content: 'Không có tháng' }), 400, 'programmes.planned_required', 'plannedMonth');
    expectField(await chief.post('/api/programmes/1/items', { content: 'Năm sau', plannedMonth: '2027-01' }), 400, 'programmes.item_outside_period', 'plannedMonth');
    expect((await bad({ content: '' })).statusCode).toBe(400);
    // Editing an item out of its period is refused the same way.
    expectField(await chief.patch(`/api/programmes/${p.id}/items/${a.id}`, { version: 1, plannedOn: '2027-05-02' }), 400, 'programmes.item_outside_period', 'plannedOn');
    expect(await counts()).toEqual(before);
  });

  it('moves items from a wider programme into a narrower one; refuses a programme that does not contain it', async () => {
    const year = await create({ period: 'year', year: 2028 });
    const may = await create({ period: 'month', year: 2028, index: 5 });
    const q3 = await create({ period: 'quarter', year: 2028, index: 3 });
    const i1 = await add(year.id, { plannedMonth: '2028-05', content: 'Báo cáo công tác cán bộ' });
    const i2 = await add(year.id, { plannedOn: '2028-03-20', content: 'Hội nghị chuyên đề' });
    const i3 = await add(year.id, { plannedMonth: '2028-08', content: 'Sơ kết quý III' });

    const r = await chief.post(`/api/programmes/${may.id}/items/move`, { itemIds: [i1.id, i2.id] });
    expect(r.statusCode, r.body).toBe(200);
    const moved = programme.parse(r.json());
    expect(moved.items.map((i) => [i.fromItemId, i.plannedMonth, i.plannedOn, i.status, i.content])).toEqual([
      [i1.id, '2028-05', null, 'planned', 'Báo cáo công tác cán bộ'],
      // Planned for March, taken into May: planned for May (the year item too).
      [i2.id, '2028-05', null, 'planned', 'Hội nghị chuyên đề'],
    ]);
    expect(moved.items[0]!.history.map((h) => h.summary)).toEqual([`Chuyển từ ${year.title}`]);
    const yearAfter = programme.parse((await chief.get(`/api/programmes/${year.id}`)).json());
    const src1 = yearAfter.items.find((i) => i.id === i1.id)!;
    expect(src1).toMatchObject({ status: 'planned', version: 1 });
    expect(src1.history.map((h) => h.summary).at(-1)).toBe(`Đưa vào ${may.title}`);
    expect(yearAfter.items.find((i) => i.id === i2.id)).toMatchObject({ plannedMonth: '2028-05', plannedOn: null, version: 2 });
    expect(await auditOf('programmes.items_moved', may.id)).toHaveLength(1);

    const before = await counts();
    // Again into May; a quarter (Q3) does not contain May; a month is not wider than a quarter; another body.
    expectField(await chief.post(`/api/programmes/${may.id}/items/move`, { itemIds: [i1.id] }), 400, 'programmes.already_moved', 'itemIds.0');
    const mayItem = moved.items[0]!;
    expectField(await chief.post(`/api/programmes/${q3.id}/items/move`, { itemIds: [mayItem.id] }), 400, 'programmes.not_containing', 'itemIds.0');
    const q2 = await create({ period: 'quarter', year: 2028, index: 2 });
    const beforeQ2 = await counts();
    expectField(await chief.post(`/api/programmes/${q2.id}/items/move`, { itemIds: [mayItem.id] }), 400, 'programmes.not_containing', 'itemIds.0');
    expectField(await chief.post(`/api/programmes/${q3.id}/items/move`, { itemIds: [i3.id, i1.id] }), 400, 'programmes.planned_outside', 'itemIds.1');
    expectField(await chief.post(`/api/programmes/${may.id}/items/move`, { itemIds: [i3.id, i3.id] }), 400, 'programmes.duplicate_item', 'itemIds.1');
    expectField(await chief.post('/api/programmes/3/items/move', { itemIds: [i3.id] }), 400, 'programmes.other_body', 'itemIds.0');
    expectField(await chief.post(`/api/programmes/${may.id}/items/move`, { itemIds: [999999] }), 400, 'programmes.unknown_item', 'itemIds.0');
    expect(await counts()).toEqual(beforeQ2);
    expect(beforeQ2.programmes).toBe(before.programmes + 1);
    // The quarter takes the August item (nothing else written by the refused attempt above).
    const ok = programme.parse((await chief.post(`/api/programmes/${q3.id}/items/move`, { itemIds: [i3.id] })).json());
    expect(ok.items.map((i) => i.fromItemId)).toEqual([i3.id]);
  });

  it('postpones with a reason and carries the item over to the next month with its history; version checked', async () => {
    const year = await create({ period: 'year', year: 2029 });
    const feb = await create({ period: 'month', year: 2029, index: 2 });
    const mar = await create({ period: 'month', year: 2029, index: 3 });
    const src = await add(year.id, { plannedMonth: '2029-02', content: 'Đề án chuyển đổi số trong các cơ quan Đảng' });
    const copy = programme.parse((await chief.post(`/api/programmes/${feb.id}/items/move`, { itemIds: [src.id] })).json()).items[0]!;

    const before = await counts();
    const url = `/api/programmes/${feb.id}/items/${copy.id}`;
    expectField(await chief.patch(url, { version: 1, status: 'postponed' }), 400, 'programmes.reason_required', 'reason');
    expectField(await chief.patch(url, { version: 1, status: 'postponed', reason: 'Chưa đủ điều kiện', postponedTo: '2029-02' }), 400, 'programmes.postponed_to_not_later', 'postponedTo');
    expectField(await chief.patch(url, { version: 1, postponedTo: '2029-03' }), 400, 'programmes.postponed_to_without_postponing', 'postponedTo');
    expectField(await chief.patch(url, { version: 1, status: 'dropped' }), 400, 'programmes.reason_required', 'reason');
    expectField(await chief.patch(url, { version: 2, status: 'postponed', reason: 'x' }), 409, 'programmes.version_conflict', 'version');
    expectField(await chief.patch(url, { version: 1, status: 'postponed', reason: 'Năm sau', postponedTo: '2030-01' }), 400, 'programmes.no_programme_for_month', 'postponedTo');
    expect(await counts()).toEqual(before);

    const r = await chief.patch(url, { version: 1, status: 'postponed', reason: 'Chờ ý kiến của Ban Thường vụ', postponedTo: '2029-03' });
    expect(r.statusCode, r.body).toBe(200);
    const after = programme.parse(r.json()).items[0]!;
    expect(after).toMatchObject({ status: 'postponed', statusReason: 'Chờ ý kiến của Ban Thường vụ', version: 2, plannedMonth: '2029-02' });
    expect(after.history.at(-1)!.summary).toBe(`Dự kiến → Lùi thời gian sang tháng 03/2029, chuyển tiếp vào ${mar.title}; lý do: Chờ ý kiến của Ban Thường vụ`);
    const carried = programme.parse((await chief.get(`/api/programmes/${mar.id}`)).json()).items[0]!;
    expect(carried).toMatchObject({ carriedFromItemId: copy.id, fromItemId: src.id, plannedMonth: '2029-03', status: 'planned', content: 'Đề án chuyển đổi số trong các cơ quan Đảng', version: 1 });
    const srcAfter = programme.parse((await chief.get(`/api/programmes/${year.id}`)).json()).items[0]!;
    expect(srcAfter).toMatchObject({ status: 'planned', plannedMonth: '2029-03', version: 2 });
    expect(srcAfter.history.map((h) => h.action)).toEqual(['created', 'moved', 'replanned']);
    const audit = await auditOf('programmes.item_postponed', copy.id);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ status: { to: 'postponed', postponedTo: '2029-03', carriedToItemId: carried.id } });
    // A second postponement of the same item is refused (postponed only becomes planned again).
    expectField(await chief.patch(url, { version: 2, status: 'presented' }), 409, 'programmes.invalid_status', 'status');

    // Presented in March: the year item is presented too.
    const pres = await chief.patch(`/api/programmes/${mar.id}/items/${carried.id}`, { version: 1, status: 'presented', reason: 'Hội nghị ngày 20/3/2029' });
    expect(pres.statusCode, pres.body).toBe(200);
    const yearDone = programme.parse((await chief.get(`/api/programmes/${year.id}`)).json());
    expect(yearDone.items[0]).toMatchObject({ status: 'presented', version: 3 });
    expect(yearDone.progress).toBe(100);

    // Without a programme for the month, the item stays and is planned for it.
    const other = await add(year.id, { plannedMonth: '2029-04', content: 'Báo cáo chuyên đề' });
    const moved = await chief.patch(`/api/programmes/${year.id}/items/${other.id}`, { version: 1, status: 'postponed', reason: 'Trùng lịch', postponedTo: '2029-06' });
    expect(programme.parse(moved.json()).items.find((i) => i.id === other.id)).toMatchObject({ status: 'postponed', plannedMonth: '2029-06', version: 2 });
  });

  it('computes progress and slipped against the clock', async () => {
    const p = await create({ period: 'quarter', year: 2030, index: 1 });
    const a = await add(p.id, { plannedMonth: '2030-01' });
    const b = await add(p.id, { plannedOn: '2030-02-10' });
    const c = await add(p.id, { plannedMonth: '2030-03' });
    const d = await add(p.id, { plannedMonth: '2030-03' });
    await chief.patch(`/api/programmes/${p.id}/items/${d.id}`, { version: 1, status: 'dropped', reason: 'Không còn phù hợp' });
    // A session does not outlive a jump of years: log in again on each day.
    let as = chief;
    const at = async (iso: string) => {
      clock.set(iso);
      as = await t.login('chanhvp');
      return programme.parse((await as.get(`/api/programmes/${p.id}`)).json());
    };
    try {
      expect((await at('2030-01-31T16:59:00Z')).slipped).toEqual([]);
      // 1 February 2030 in Hà Nội: January's item slipped.
      expect((await at('2030-01-31T17:00:00Z')).slipped).toEqual([a.id]);
      expect((await at('2030-02-10T10:00:00Z')).slipped).toEqual([a.id]);
      expect((await at('2030-02-10T17:00:00Z')).slipped).toEqual([a.id, b.id]);
      expect((await as.patch(`/api/programmes/${p.id}/items/${a.id}`, { version: 1, status: 'presented' })).statusCode).toBe(200);
      const now = await at('2030-04-01T03:00:00Z');
      expect(now.slipped).toEqual([b.id, c.id]);
      expect(now.progress).toBe(33);
      const board = programmeBoard.parse((await as.get(`/api/programmes/board?committeeId=${ids.province}&year=2030`)).json());
      expect(board.bodies[2]!.programmes.find((x) => x.id === p.id)).toMatchObject({ progress: 33, slipped: 2, total: 4, counts: { presented: 1, planned: 2, dropped: 1 } });
    } finally {
      clock.set('2026-11-25T03:00:00Z');
    }
  });

  it('serialises concurrent saves: one programme per period, one copy per move, one change per version', async () => {
    const body = { committeeId: ids.province, body: 'btv', period: 'year', year: 2031 };
    const made = await Promise.all([chief.post('/api/programmes', body), chief.post('/api/programmes', body)]);
    expect(made.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const year = programme.parse(made.find((r) => r.statusCode === 201)!.json());
    const june = await create({ body: 'btv', period: 'month', year: 2031, index: 6 });
    const item = await add(year.id, { plannedMonth: '2031-06' });
    const moves = await Promise.all([0, 1].map(() => chief.post(`/api/programmes/${june.id}/items/move`, { itemIds: [item.id] })));
    expect(moves.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const junePage = programme.parse((await chief.get(`/api/programmes/${june.id}`)).json());
    expect(junePage.items.map((i) => i.fromItemId)).toEqual([item.id]);
    const copy = junePage.items[0]!;
    const patches = await Promise.all(
      ['Văn phòng Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy'].map((presenter) => chief.patch(`/api/programmes/${june.id}/items/${copy.id}`, { version: 1, presenter })),
    );
    expect(patches.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = programme.parse((await chief.get(`/api/programmes/${june.id}`)).json()).items[0]!;
    expect(after.version).toBe(2);
    expect(after.history.filter((h) => h.action === 'updated')).toHaveLength(1);
  });

  it('lets schedule.view read in scope but not write (403); other committees 404; no permission 403', async () => {
    const p = programme.parse((await reader.get('/api/programmes/1')).json());
    expect(p.abilities.addItem).toBe(false);
    expect((await reader.get(`/api/programmes/board?committeeId=${ids.province}&year=2026`)).statusCode).toBe(200);
    // A manager of the commune: the province's programmes do not exist for them.
    await addUser(t, { username: 'cvpxa', committeeId: ids.commune, agencyId: ids.communeOffice, role: 'office_leader' });
    const commune = await t.login('cvpxa');
    const before = await counts();
    expect((await reader.post('/api/programmes', { committeeId: ids.province, body: 'btv', period: 'month', year: 2031, index: 1 })).statusCode).toBe(403);
    expect((await reader.post('/api/programmes/1/items', { content: 'x', plannedMonth: '2026-12' })).statusCode).toBe(403);
    expect((await reader.patch('/api/programmes/1/items/8', { version: 1, presenter: 'x' })).statusCode).toBe(403);
    expect((await reader.post('/api/programmes/3/items/move', { itemIds: [8] })).statusCode).toBe(403);

    expect((await commune.get('/api/programmes/1')).statusCode).toBe(404);
    expect((await commune.get(`/api/programmes/board?committeeId=${ids.province}&year=2026`)).statusCode).toBe(404);
    expect((await commune.patch('/api/programmes/1/items/8', { version: 1, presenter: 'x' })).statusCode).toBe(404);
    expect((await commune.post('/api/programmes/1/items', { content: 'x', plannedMonth: '2026-12' })).statusCode).toBe(404);
    expect((await commune.post('/api/programmes/3/items/move', { itemIds: [8] })).statusCode).toBe(404);
    expectField(await commune.post('/api/programmes', { committeeId: ids.province, body: 'btv', period: 'month', year: 2031, index: 1 }), 400, 'programmes.unknown_committee', 'committeeId');
    expect(programmeList.parse((await commune.get('/api/programmes')).json()).items).toEqual([]);
    expect(programmeList.parse((await commune.get(`/api/programmes?committeeId=${ids.province}`)).json()).items).toEqual([]);
    expect(await counts()).toEqual(before);

    // The commune's own programme: theirs to make; the province (above) reads it too, its manager can write it.
    const own = await commune.post('/api/programmes', { committeeId: ids.commune, body: 'btv', period: 'year', year: 2027 });
    expect(own.statusCode, own.body).toBe(201);
    const ownId = programme.parse(own.json()).id;
    expect(programmeList.parse((await commune.get('/api/programmes')).json()).items.map((i) => i.id)).toEqual([ownId]);
    expect((await reader.get(`/api/programmes/${ownId}`)).statusCode).toBe(200);
    const board = programmeBoard.parse((await commune.get('/api/programmes/board?year=2027')).json());
    expect(board.committeeId).toBe(ids.commune);
    expect(board.bodies[1]!.programmes.map((x) => x.id)).toEqual([ownId]);

    const admin = await t.login('admin');
    expect((await admin.get('/api/programmes')).statusCode).toBe(403);
    expect((await admin.get('/api/programmes/1')).statusCode).toBe(403);
  });
});
