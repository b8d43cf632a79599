import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleEvent, scheduleWeek } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { scheduleMonth } from './schedule.models.ts';
import { counts, demoIds, NOW, vn, WEEK } from './schedule.test-support.ts';

/**
 * Issue 6 §2, §4: the leaders' week end to end — leader double bookings flagged, rooms and cars refused
 * (also for two saves at the same moment), the week published, changes after that marked and the leaders
 * notified, what readers and other committees see, and bad input refused with nothing written.
 */
describe('weekly schedule routes', () => {
  let t: TestApp;
  let chanhvp: Client;
  let bithu: Client;
  let xa: Client;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let room: number;
  let car: number;

  const event = (over: Record<string, unknown> = {}) => ({
    committeeId: ids.province,
    startsAt: vn('2026-12-07', '08:00'),
    endsAt: vn('2026-12-07', '11:00'),
    content: 'Hội nghị Ban Thường vụ Tỉnh ủy',
    place: 'Phòng họp số 2',
    leaderIds: [ids.biThu],
    preparingBody: { committeeId: ids.province, agencyId: ids.vptu },
    participants: 'Các đồng chí Ủy viên Ban Thường vụ',
    notes: 'Nội bộ: chuẩn bị tài liệu',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    ids = await demoIds(t);
    chanhvp = await t.login('chanhvp');
    bithu = await t.login('bithu');
    xa = await t.login('xatanphu');
    const r1 = await chanhvp.post('/api/schedule/resources', { committeeId: ids.province, kind: 'room', name: 'Phòng họp số 2', note: '' });
    expect(r1.statusCode, r1.body).toBe(201);
    room = r1.json().id;
    const r2 = await chanhvp.post('/api/schedule/resources', { committeeId: ids.province, kind: 'car', name: 'Xe 37A-999.99' });
    expect(r2.statusCode, r2.body).toBe(201);
    car = r2.json().id;
  });
  afterAll(async () => t.cleanup());

  it('lists the rooms and cars (demo and new), refuses a duplicate name', async () => {
    const r = await bithu.get(`/api/schedule/resources?committeeId=${ids.province}`);
    expect(r.statusCode).toBe(200);
    const names = r.json().items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['Phòng họp số 1', 'Hội trường Tỉnh ủy', 'Phòng họp số 2', 'Xe 37A-999.99']));
    const dup = await chanhvp.post('/api/schedule/resources', { committeeId: ids.province, kind: 'room', name: 'Phòng họp số 2' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].path).toBe('name');
    expect((await bithu.post('/api/schedule/resources', { committeeId: ids.province, kind: 'room', name: 'Phòng X' })).statusCode).toBe(403);
  });

  it('creates an event and flags a leader booked twice at once (not refused)', async () => {
    const a = await chanhvp.post('/api/schedule/events', event({ leaderIds: [ids.biThu, ids.pbt] }));
    expect(a.statusCode, a.body).toBe(201);
    const ea = scheduleEvent.parse(a.json());
    expect(ea).toMatchObject({ week: WEEK, cancelled: false, changedAfterPublish: false, version: 1, conflicts: [] });
    expect(ea.leaders.map((l) => l.name)).toEqual(['Phạm Quang Vinh', 'Trần Thị Thanh Hương']);
    expect(ea.preparingBody).toMatchObject({ name: 'Văn phòng Tỉnh ủy' });

    const b = await chanhvp.post('/api/schedule/events', event({ content: 'Làm việc với Ban Tổ chức', startsAt: vn('2026-12-07', '10:00'), endsAt: vn('2026-12-07', '12:00'), leaderIds: [ids.biThu, ids.pbtTT] }));
    expect(b.statusCode, b.body).toBe(201);
    const eb = scheduleEvent.parse(b.json());
    expect(eb.conflicts).toEqual([{ personId: ids.biThu, personName: 'Phạm Quang Vinh', eventId: ea.id, content: ea.content, startsAt: ea.startsAt, endsAt: ea.endsAt }]);

    // The week (working copy) shows the conflict on both events; touching times (11:00–12:00 after 08:00–11:00) do not conflict.
    const c = await chanhvp.post('/api/schedule/events', event({ content: 'Tiếp khách', startsAt: vn('2026-12-07', '12:00'), endsAt: vn('2026-12-07', '13:00'), leaderIds: [ids.biThu] }));
    expect(scheduleEvent.parse(c.json()).conflicts).toEqual([]);
    const w = scheduleWeek.parse((await chanhvp.get(`/api/schedule/weeks/${WEEK}?draft=true`)).json());
    expect(w).toMatchObject({ week: WEEK, committeeId: ids.province, startsOn: '2026-12-07', endsOn: '2026-12-13', status: 'draft', revision: 0 });
    const byId = new Map(w.events.map((e) => [e.id, e]));
    expect(byId.get(ea.id)!.conflicts.map((x) => x.eventId)).toEqual([eb.id]);
    expect(byId.get(eb.id)!.conflicts.map((x) => x.eventId)).toEqual([ea.id]);
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'schedule_event').where('entity_id', '=', String(ea.id)).execute();
    expect(audit.map((x) => x.action)).toEqual(['schedule.event_created']);
  });

  it('refuses a room booked at an overlapping time, naming it; nothing written', async () => {
    const first = await chanhvp.post('/api/schedule/events', event({ startsAt: vn('2026-12-08', '14:00'), endsAt: vn('2026-12-08', '16:00'), leaderIds: [], resourceIds: [room] }));
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts(t);
    const r = await chanhvp.post('/api/schedule/events', event({ startsAt: vn('2026-12-08', '15:00'), endsAt: vn('2026-12-08', '17:00'), leaderIds: [], resourceIds: [car, room] }));
    expect(r.statusCode).toBe(409);
    const err = r.json().error;
    expect(err.code).toBe('schedule.resource_taken');
    expect(err.message).toContain('Phòng họp số 2');
    expect(err.details).toEqual([expect.objectContaining({ path: 'resourceIds.1', resourceId: room, resourceName: 'Phòng họp số 2', eventId: first.json().id })]);
    expect(await counts(t)).toEqual(before);
    // Right after it ends, the room is free; after a cancellation, the overlapping time too.
    const after = await chanhvp.post('/api/schedule/events', event({ startsAt: vn('2026-12-08', '16:00'), endsAt: vn('2026-12-08', '17:00'), leaderIds: [], resourceIds: [room] }));
    expect(after.statusCode, after.body).toBe(201);
    const cancel = await chanhvp.post(`/api/schedule/events/${first.json().id}/cancel`, { version: 1, reason: 'Lãnh đạo bận' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({ cancelled: true, version: 2 });
    const again = await chanhvp.post('/api/schedule/events', event({ startsAt: vn('2026-12-08', '15:00'), endsAt: vn('2026-12-08', '15:30'), leaderIds: [], resourceIds: [room] }));
    expect(again.statusCode, again.body).toBe(201);
    // Moving an event onto a booked room is refused too.
    const moved = await chanhvp.patch(`/api/schedule/events/${after.json().id}`, { version: 1, startsAt: vn('2026-12-08', '15:15'), endsAt: vn('2026-12-08', '16:30') });
    expect(moved.statusCode, moved.body).toBe(409);
    expect(moved.json().error.details[0].resourceName).toBe('Phòng họp số 2');
  });

  it('two saves of the same car at the same moment: exactly one succeeds', async () => {
    const before = await counts(t);
    const body = (content: string) => event({ content, startsAt: vn('2026-12-09', '07:00'), endsAt: vn('2026-12-09', '17:00'), leaderIds: [], resourceIds: [car] });
    const [r1, r2] = await Promise.all([chanhvp.post('/api/schedule/events', body('Đi cơ sở A')), chanhvp.post('/api/schedule/events', body('Đi cơ sở B'))]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const refused = r1.statusCode === 409 ? r1 : r2;
    expect(refused.json().error).toMatchObject({ code: 'schedule.resource_taken' });
    expect(refused.json().error.details[0].resourceName).toBe('Xe 37A-999.99');
    const now = await counts(t);
    expect(now.events).toBe(before.events + 1);
    expect(now.resources).toBe(before.resources + 1);
    const booked = await t.ctx.db
      .selectFrom('schedule_event_resources as er')
      .innerJoin('schedule_events as e', 'e.id', 'er.event_id')
      .select('e.id')
      .where('er.resource_id', '=', car)
      .where('e.cancelled', '=', 0)
      .execute();
    expect(booked).toHaveLength(1);

    // Two events of different weeks (each save takes its own week's lock): only the lock on the car's row
    // keeps them apart — Sunday evening into Monday (W50) against Monday morning (W51).
    const [s1, s2] = await Promise.all([
      chanhvp.post('/api/schedule/events', event({ content: 'Đi công tác Trung ương', startsAt: vn('2026-12-13', '20:00'), endsAt: vn('2026-12-14', '10:00'), leaderIds: [], resourceIds: [car] })),
      chanhvp.post('/api/schedule/events', event({ content: 'Đón đoàn công tác', startsAt: vn('2026-12-14', '08:00'), endsAt: vn('2026-12-14', '09:00'), leaderIds: [], resourceIds: [car] })),
    ]);
    expect([s1.statusCode, s2.statusCode].sort()).toEqual([201, 409]);
    const won = s1.statusCode === 201 ? s1.json() : s2.json();
    expect(won.week).toBe(won.content === 'Đi công tác Trung ương' ? '2026-W50' : '2026-W51');
  });

  it('bad input: an event ending before it starts is 400 naming endsAt; nothing written', async () => {
    const before = await counts(t);
    const r = await chanhvp.post('/api/schedule/events', event({ startsAt: vn('2026-12-10', '10:00'), endsAt: vn('2026-12-10', '09:00'), resourceIds: [room] }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'schedule.ends_before_start', details: [{ path: 'endsAt' }] });
    // A legal ISO offset that would store year 10000 (and answer 500 after writing): refused with the field.
    const far = await chanhvp.post('/api/schedule/events', event({ startsAt: '9999-12-31T23:00:00-07:00', endsAt: '9999-12-31T23:30:00-07:00' }));
    expect(far.statusCode).toBe(400);
    expect(far.json().error).toMatchObject({ code: 'schedule.out_of_range', details: [{ path: 'startsAt' }] });
    const same = await chanhvp.post('/api/schedule/events', event({ startsAt: vn('2026-12-10', '10:00'), endsAt: vn('2026-12-10', '10:00') }));
    expect(same.json().error.details[0].path).toBe('endsAt');
    const leader = await chanhvp.post('/api/schedule/events', event({ leaderIds: [ids.biThu, 999_999] }));
    expect(leader.statusCode).toBe(400);
    expect(leader.json().error.details[0].path).toBe('leaderIds.1');
    const empty = await chanhvp.post('/api/schedule/events', event({ content: '  ' }));
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json().error.details)).toContain('content');
    const patch = await chanhvp.get(`/api/schedule/weeks/${WEEK}?draft=true`);
    const first = scheduleWeek.parse(patch.json()).events[0]!;
    const p = await chanhvp.patch(`/api/schedule/events/${first.id}`, { version: first.version, endsAt: vn('2026-12-01', '09:00') });
    expect(p.statusCode).toBe(400);
    expect(p.json().error.details[0].path).toBe('endsAt');
    const stale = await chanhvp.patch(`/api/schedule/events/${first.id}`, { version: first.version + 5, place: 'Khác' });
    expect(stale.statusCode).toBe(409);
    expect(await counts(t)).toEqual(before);
  });

  it('visibility: readers see only the published week; schedule.view cannot write (403); other committees 404', async () => {
    // Not yet published: the reader sees a draft week with no events; the working copy is for managers.
    const draft = scheduleWeek.parse((await bithu.get(`/api/schedule/weeks/${WEEK}`)).json());
    expect(draft).toMatchObject({ status: 'draft', events: [] });
    expect(draft.abilities).toMatchObject({ publish: false, createEvent: false });
    expect((await bithu.get(`/api/schedule/weeks/${WEEK}?draft=true`)).statusCode).toBe(403);
    const anyEvent = scheduleWeek.parse((await chanhvp.get(`/api/schedule/weeks/${WEEK}?draft=true`)).json()).events[0]!;
    expect((await bithu.get(`/api/schedule/events/${anyEvent.id}`)).statusCode).toBe(404);
    const before = await counts(t);
    expect((await bithu.post('/api/schedule/events', event())).statusCode).toBe(403);
    expect((await bithu.patch(`/api/schedule/events/${anyEvent.id}`, { version: anyEvent.version, place: 'X' })).statusCode).toBe(403);
    expect((await bithu.post(`/api/schedule/events/${anyEvent.id}/cancel`, {})).statusCode).toBe(403);
    expect((await bithu.post(`/api/schedule/weeks/${WEEK}/publish`, {})).statusCode).toBe(403);
    // The commune's specialist (schedule.view in Tân Phú): the province's week, event, month and print are 404.
    expect((await xa.get(`/api/schedule/weeks/${WEEK}?committeeId=${ids.province}`)).statusCode).toBe(404);
    expect((await xa.get(`/api/schedule/events/${anyEvent.id}`)).statusCode).toBe(404);
    expect((await xa.get(`/api/schedule/months/2026-12?committeeId=${ids.province}`)).statusCode).toBe(404);
    expect((await xa.get(`/api/schedule/weeks/${WEEK}/print.pdf?committeeId=${ids.province}`)).statusCode).toBe(404);
    expect((await xa.get(`/api/schedule/resources?committeeId=${ids.province}`)).statusCode).toBe(404);
    expect(await counts(t)).toEqual(before);
    // Its own committee's week answers (nothing scheduled there).
    const own = await xa.get(`/api/schedule/weeks/${WEEK}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().committeeId).not.toBe(ids.province);
  });

  it('publishes the week; a change afterwards is marked and the leaders notified; the reader sees it', async () => {
    const pub = await chanhvp.post(`/api/schedule/weeks/${WEEK}/publish`, { committeeId: ids.province });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(scheduleWeek.parse(pub.json())).toMatchObject({ status: 'published', revision: 1, publishedAt: NOW.toISOString() });

    const seen = scheduleWeek.parse((await bithu.get(`/api/schedule/weeks/${WEEK}`)).json());
    expect(seen.status).toBe('published');
    expect(seen.events.length).toBeGreaterThan(0);
    // A cancellation before publishing is not shown to readers.
    expect(seen.events.every((e) => !e.cancelled && !e.changedAfterPublish)).toBe(true);
    const target = seen.events.find((e) => e.leaders.some((l) => l.id === ids.biThu))!;
    expect((await bithu.get(`/api/schedule/events/${target.id}`)).statusCode).toBe(200);

    const before = await counts(t);
    const r = await chanhvp.patch(`/api/schedule/events/${target.id}`, { version: target.version, place: 'Hội trường Tỉnh ủy' });
    expect(r.statusCode, r.body).toBe(200);
    expect(scheduleEvent.parse(r.json())).toMatchObject({ place: 'Hội trường Tỉnh ủy', changedAfterPublish: true, version: target.version + 1 });
    const notes = await t.ctx.db.selectFrom('notifications').select(['user_id', 'kind', 'title', 'url', 'entity_id']).where('kind', '=', 'schedule.changed').execute();
    expect(notes).toEqual([expect.objectContaining({ user_id: ids.bithuUser, entity_id: String(target.id), url: `/schedule/weeks/${WEEK}?committeeId=${ids.province}` })]);
    expect(notes[0]!.title).toContain('Điều chỉnh lịch công tác tuần 50');
    const after = await counts(t);
    expect(after.notifications).toBe(before.notifications + 1);
    expect(after.audit).toBe(before.audit + 1);

    // A new event after publishing is marked too; a cancellation after publishing stays visible, marked.
    const added = await chanhvp.post('/api/schedule/events', event({ content: 'Bổ sung: làm việc với Sở Nội vụ', startsAt: vn('2026-12-11', '14:00'), endsAt: vn('2026-12-11', '16:00') }));
    expect(added.json()).toMatchObject({ changedAfterPublish: true });
    const cancelled = await chanhvp.post(`/api/schedule/events/${added.json().id}/cancel`, { reason: 'Sở đề nghị lùi lịch' });
    expect(cancelled.json()).toMatchObject({ cancelled: true, changedAfterPublish: true });
    const w = scheduleWeek.parse((await bithu.get(`/api/schedule/weeks/${WEEK}`)).json());
    expect(w.events.find((e) => e.id === target.id)).toMatchObject({ changedAfterPublish: true, place: 'Hội trường Tỉnh ủy' });
    expect(w.events.find((e) => e.id === added.json().id)).toMatchObject({ cancelled: true, changedAfterPublish: true });
    expect(await t.ctx.db.selectFrom('notifications').select('id').where('kind', '=', 'schedule.changed').where('user_id', '=', ids.bithuUser).execute()).toHaveLength(3);

    // The office display: the same week without internal notes.
    const office = scheduleWeek.parse((await bithu.get(`/api/schedule/weeks/${WEEK}/office`)).json());
    expect(office.events.map((e) => e.id)).toEqual(w.events.map((e) => e.id));
    expect(w.events.some((e) => e.notes !== '')).toBe(true);
    expect(office.events.every((e) => e.notes === '')).toBe(true);

    // The month view holds the published events of December.
    const m = scheduleMonth.parse((await bithu.get('/api/schedule/months/2026-12')).json());
    expect(m.events.map((e) => e.id)).toEqual(expect.arrayContaining(w.events.map((e) => e.id)));
    expect(m.weeks.find((x) => x.week === WEEK)).toEqual({ week: WEEK, status: 'published', revision: 1 });

    // Publishing again: revision 2, the changes are part of it (no longer marked; the cancelled event leaves).
    const again = scheduleWeek.parse((await chanhvp.post(`/api/schedule/weeks/${WEEK}/publish`, {})).json());
    expect(again.revision).toBe(2);
    const w2 = scheduleWeek.parse((await bithu.get(`/api/schedule/weeks/${WEEK}`)).json());
    expect(w2.events.some((e) => e.changedAfterPublish || e.cancelled)).toBe(false);
  });

  it('the demo: the current week is published, with one change marked', async () => {
    const w = scheduleWeek.parse((await bithu.get('/api/schedule/weeks/2026-W48')).json());
    expect(w.status).toBe('published');
    expect(w.events.length).toBeGreaterThanOrEqual(8);
    expect(w.events.filter((e) => e.changedAfterPublish && e.meetingId === null)).toHaveLength(1);
    const next = scheduleWeek.parse((await bithu.get('/api/schedule/weeks/2026-W49')).json());
    expect(next).toMatchObject({ status: 'draft', events: [] });
    // Four events of the schedule demo (the meetings demo may add its meeting).
    expect(scheduleWeek.parse((await chanhvp.get('/api/schedule/weeks/2026-W49?draft=true')).json()).events.filter((e) => e.meetingId === null)).toHaveLength(4);
  });
});
