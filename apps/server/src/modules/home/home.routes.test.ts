import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../../test/test-context.ts';
import { enqueueJob } from '../../platform/jobs/jobs.queue.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';

describe('the home page', () => {
  // 20:00 UTC on 29/4 is already 03:00 on 30/4 in Hà Nội: Ngày Chiến thắng.
  const clock = fixedClock('2026-04-29T20:00:00Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.cleanup());

  const count = async (table: 'agencies' | 'people', committeeId?: number) => {
    let q = t.ctx.db.selectFrom(table).select('id').where('active', '=', 1);
    if (committeeId !== undefined) {
      q = q.where('committee_id', '=', committeeId);
    }
    return (await q.execute()).length;
  };

  it('on 30/4 in Vietnam the day is off, and the holiday itself is the next one shown', async () => {
    const r = await (await t.login('vanthu')).get('/api/home');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      workingDayToday: false,
      nextHoliday: { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)' },
    });
  });

  it('the admin sees the active organisation of the province and today’s operations', async () => {
    await enqueueJob(t.ctx.db, clock, { name: 'demo.noop' });
    await enqueueJob(t.ctx.db, clock, { name: 'demo.noop' });
    const failed = await enqueueJob(t.ctx.db, clock, { name: 'demo.noop' });
    await t.ctx.db.updateTable('jobs').set({ status: 'failed' }).where('id', '=', failed.id).execute();
    const admin = await t.login('admin');
    // Events of today in Vietnam (the demo tasks' history is dated the days it happened, before today).
    const events = (await t.ctx.db.selectFrom('audit_events').select('at').execute()).filter((e) => toVietnamDate(new Date(e.at)) === '2026-04-30').length;
    const { counts } = (await admin.get('/api/home')).json();
    expect(counts).toEqual({
      committees: 6, // the province and five current units; the dissolved district is history
      agencies: await count('agencies'),
      people: await count('people'),
      users: 10, // the nine role accounts and the commune's (xatanphu)
      auditToday: events,
      jobsQueued: 2,
      jobsFailed: 1,
    });
  });

  it('a clerk without audit.view gets no operations counts', async () => {
    const { counts } = (await (await t.login('vanthu')).get('/api/home')).json();
    expect(counts).toMatchObject({ auditToday: null, jobsQueued: null, jobsFailed: null });
    expect(counts.committees).toBe(6);
  });

  it('an officer whose scope is one commune counts only that commune', async () => {
    const commune = await t.ctx.db
      .selectFrom('committees')
      .select('id')
      .where('name', '=', 'Đảng ủy xã Tân Phú')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('users')
      .set({ scope_committee_id: commune.id, scope_agency_id: null })
      .where('username', '=', 'tiepdan')
      .execute();
    const { counts } = (await (await t.login('tiepdan')).get('/api/home')).json();
    expect(counts).toMatchObject({
      committees: 1,
      agencies: 1,
      people: await count('people', commune.id),
      // A reception officer may not list accounts, so the account count is withheld.
      users: null,
    });
  });

  it('on an ordinary Monday it is a working day and the next holiday is the Quốc khánh break', async () => {
    clock.set('2026-05-04T02:00:00Z');
    const { workingDayToday, nextHoliday } = (await (await t.login('vanthu')).get('/api/home')).json();
    expect(workingDayToday).toBe(true);
    expect(nextHoliday).toEqual({ date: '2026-09-01', name: 'Quốc khánh (ngày nghỉ liền kề)' });
  });

  it('without a session the home page answers 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });
});
