import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../../test/test-context.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

type Day = { id: number; date: string; name: string; kind: string; source: string };

describe('the yearly holiday calendar', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock('2026-03-02T02:00:00Z') });
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  const auditCount = async () => (await t.ctx.db.selectFrom('audit_events').select('id').execute()).length;
  const lastEvent = (action: string) =>
    t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();

  it('a fresh demo installation already holds this year’s and next year’s statutory holidays, not yet confirmed', async () => {
    const clerk = await t.login('vanthu');
    const r = await clerk.get('/api/calendar/2026');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      year: 2026,
      confirmed: false,
      confirmedAt: null,
      abilities: { generate: false, confirm: false },
    });
    expect(body.holidays.map((h: Day) => h.date)).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-02-17',
        '2026-04-26',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-09-02',
      ]),
    );
    expect(body.holidays.find((h: Day) => h.date === '2026-04-27')).toMatchObject({
      kind: 'compensatory_day_off',
      source: 'computed',
      abilities: { delete: false },
    });
    expect((await clerk.get('/api/calendar/2027')).json().holidays.length).toBeGreaterThan(10);
    expect((await clerk.post('/api/calendar/2026/confirm')).statusCode).toBe(403);
  });

  it('the admin records a Government swap: a Saturday worked and a Friday off', async () => {
    const work = await admin.post('/api/calendar/holidays', {
      date: '2026-01-10',
      name: 'Làm bù cho ngày 02/01',
      kind: 'swapped_workday',
    });
    expect(work.statusCode).toBe(201);
    expect(work.json().holiday).toMatchObject({
      date: '2026-01-10',
      kind: 'swapped_workday',
      source: 'admin',
      abilities: { delete: true },
    });
    const off = await admin.post('/api/calendar/holidays', {
      date: '2026-01-02',
      name: 'Nghỉ hoán đổi (Tết Dương lịch)',
      kind: 'swapped_day_off',
    });
    expect(off.statusCode).toBe(201);
    const ev = await lastEvent('calendar.holiday_added');
    expect(ev.entity_id).toBe(String(off.json().holiday.id));
    expect(JSON.parse(ev.details)).toEqual({
      date: '2026-01-02',
      name: 'Nghỉ hoán đổi (Tết Dương lịch)',
      kind: 'swapped_day_off',
    });
  });

  it('a day already in the calendar cannot be added twice, and nothing is written', async () => {
    const before = await auditCount();
    const r = await admin.post('/api/calendar/holidays', {
      date: '2026-04-30',
      name: 'Trùng',
      kind: 'holiday',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('calendar.date_taken');
    expect(await auditCount()).toBe(before);
  });

  it('a Saturday worked must be a weekend day, a swapped day off a weekday, and the date must exist', async () => {
    const before = await auditCount();
    const weekday = await admin.post('/api/calendar/holidays', {
      date: '2026-01-07',
      name: 'Làm bù',
      kind: 'swapped_workday',
    });
    expect(weekday.json().error.code).toBe('calendar.wrong_weekday');
    const sunday = await admin.post('/api/calendar/holidays', {
      date: '2026-01-11',
      name: 'Nghỉ',
      kind: 'swapped_day_off',
    });
    expect(sunday.json().error.code).toBe('calendar.wrong_weekday');
    const impossible = await admin.post('/api/calendar/holidays', {
      date: '2026-02-30',
      name: 'Nghỉ',
      kind: 'holiday',
    });
    expect(impossible.statusCode).toBe(400);
    // Every isoDate refuses a day the calendar does not have, naming the field.
    expect(impossible.json().error).toMatchObject({ code: 'validation.failed', details: [{ path: 'body.date', message: 'no such date' }] });
    expect(
      (await admin.post('/api/calendar/holidays', { date: '2026-06-01', name: 'Nghỉ', kind: 'festival' }))
        .statusCode,
    ).toBe(400);
    expect(await auditCount()).toBe(before);
  });

  it('the admin confirms the year, and an added day afterwards keeps the confirmation', async () => {
    const r = await admin.post('/api/calendar/2026/confirm');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      year: 2026,
      confirmed: true,
      confirmedAt: '2026-03-02T02:00:00.000Z',
      confirmedBy: expect.any(Number),
    });
    expect(JSON.parse((await lastEvent('calendar.confirmed')).details)).toMatchObject({ year: 2026 });
    await admin.post('/api/calendar/holidays', {
      date: '2026-12-24',
      name: 'Nghỉ theo quyết định của Tỉnh ủy',
      kind: 'holiday',
    });
    expect((await admin.get('/api/calendar/2026')).json().confirmed).toBe(true);
  });

  it('regenerating replaces the computed days, keeps the admin’s days and asks for confirmation again', async () => {
    const removedId = (await admin.get('/api/calendar/2026'))
      .json()
      .holidays.find((h: Day) => h.date === '2026-09-01').id;
    expect((await admin.del(`/api/calendar/holidays/${removedId}`)).statusCode).toBe(200);
    const r = await admin.post('/api/calendar/2026/generate');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.confirmed).toBe(false);
    const dates = body.holidays.map((h: Day) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-02', '2026-01-10', '2026-12-24', '2026-09-01']));
    expect(body.holidays.filter((h: Day) => h.source === 'admin')).toHaveLength(3);
    expect(new Set(dates).size).toBe(dates.length);
    const details = JSON.parse((await lastEvent('calendar.generated')).details);
    expect(details).toMatchObject({ year: 2026, removed: 11, inserted: 12, keptAdminDates: [] });
  });

  it('a computed day falling on a date the admin already set is left to the admin’s entry', async () => {
    const id = (await admin.get('/api/calendar/2027'))
      .json()
      .holidays.find((h: Day) => h.date === '2027-04-30').id;
    await admin.del(`/api/calendar/holidays/${id}`);
    await admin.post('/api/calendar/holidays', {
      date: '2027-04-30',
      name: 'Ngày Chiến thắng (theo quyết định)',
      kind: 'holiday',
    });
    const r = await admin.post('/api/calendar/2027/generate');
    const day = r.json().holidays.filter((h: Day) => h.date === '2027-04-30');
    expect(day).toEqual([
      expect.objectContaining({ source: 'admin', name: 'Ngày Chiến thắng (theo quyết định)' }),
    ]);
    expect(JSON.parse((await lastEvent('calendar.generated')).details).keptAdminDates).toEqual([
      '2027-04-30',
    ]);
  });

  it('removing a day is recorded with what it was; removing it again answers 404', async () => {
    const day = (await admin.get('/api/calendar/2026'))
      .json()
      .holidays.find((h: Day) => h.date === '2026-12-24');
    expect((await admin.del(`/api/calendar/holidays/${day.id}`)).json()).toEqual({ ok: true });
    const ev = await lastEvent('calendar.holiday_removed');
    expect(JSON.parse(ev.details)).toEqual({
      date: '2026-12-24',
      name: 'Nghỉ theo quyết định của Tỉnh ủy',
      kind: 'holiday',
      source: 'admin',
    });
    const again = await admin.del(`/api/calendar/holidays/${day.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('calendar.not_found');
  });

  it('an empty year cannot be confirmed, and a year outside the supported range is refused', async () => {
    const r = await admin.post('/api/calendar/2030/confirm');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('calendar.nothing_to_confirm');
    expect((await admin.get('/api/calendar/2030')).json()).toMatchObject({
      year: 2030,
      confirmed: false,
      holidays: [],
    });
    expect((await admin.get('/api/calendar/1500')).statusCode).toBe(400);
  });

  it('two admins regenerating the same year at the same moment both succeed and leave one set of days', async () => {
    const [a, b] = await Promise.all([
      admin.post('/api/calendar/2027/generate'),
      admin.post('/api/calendar/2027/generate'),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const dates = (await admin.get('/api/calendar/2027')).json().holidays.map((h: Day) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    // Each run saw the other's computed days as computed, not as the admin's: the second waited for the first.
    const runs = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'calendar.generated')
      .where('entity_id', '=', '2027')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(runs.map((r) => JSON.parse(r.details).keptAdminDates)).toEqual([['2027-04-30'], ['2027-04-30']]);
  });

  it('every calendar change is in an intact audit chain', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
