import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodeIcal, { type VEvent } from 'node-ical';
import { scheduleWeek } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { DEMO_ICAL_TOKEN } from '../seed/seed.schedule-events.ts';
import { sha256 } from './schedule.ical.ts';
import { demoIds, NOW, vn, WEEK } from './schedule.test-support.ts';

/**
 * Issue 6 §2: the iCalendar feeds of a leader and of a body — reached without a session through a
 * secret URL shown once (only its SHA-256 stored), parsed back by a standard iCalendar library
 * (node-ical), reflecting an edit and a cancellation; a revoked or unknown token answers 404.
 */
describe('iCalendar feeds', () => {
  let t: TestApp;
  let chanhvp: Client;
  let bithu: Client;
  let xa: Client;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  /** The feed fetched without any cookie. */
  const feed = (url: string) => t.app.inject({ method: 'GET', url: new URL(url, 'http://x').pathname });
  const events = (body: string): VEvent[] =>
    Object.values(nodeIcal.sync.parseICS(body)).filter((c): c is VEvent => c !== undefined && c.type === 'VEVENT');

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    ids = await demoIds(t);
    chanhvp = await t.login('chanhvp');
    bithu = await t.login('bithu');
    xa = await t.login('xatanphu');
  });
  afterAll(async () => t.cleanup());

  it('a leader’s feed: published events only, parsed back, reflecting an edit and a cancellation', async () => {
    const make = (content: string, day: string, leaderIds = [ids.biThu]) =>
      chanhvp.post('/api/schedule/events', { committeeId: ids.province, startsAt: vn(day, '08:00'), endsAt: vn(day, '10:30'), content, place: 'Phòng họp số 1', leaderIds, participants: 'Các đồng chí Ủy viên Ban Thường vụ' });
    const a = (await make('Họp Ban Thường vụ về công tác cán bộ', '2026-12-07')).json();
    const other = (await make('Làm việc với Sở Tài chính', '2026-12-08', [ids.pbt])).json();

    const created = await bithu.post('/api/schedule/ical-tokens', { personId: ids.biThu });
    expect(created.statusCode, created.body).toBe(201);
    const { id, url } = created.json() as { id: number; url: string };
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/schedule\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = url.split('/').pop()!.replace(/\.ics$/, '');
    const stored = await t.ctx.db.selectFrom('ical_tokens').select(['token_sha256', 'user_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ token_sha256: sha256(token), user_id: ids.bithuUser });
    expect(JSON.stringify(await t.ctx.db.selectFrom('ical_tokens').selectAll().execute())).not.toContain(token);
    // The list shows the feeds without their secret.
    expect(JSON.stringify((await bithu.get('/api/schedule/ical-tokens')).json())).not.toContain(token);

    // Before publishing, the week is not in the feed.
    const r0 = await feed(url);
    expect(r0.statusCode).toBe(200);
    expect(r0.headers['content-type']).toContain('text/calendar');
    expect(events(r0.body).some((e) => e.uid === `schedule-event-${a.id}@vanphong`)).toBe(false);

    expect((await chanhvp.post(`/api/schedule/weeks/${WEEK}/publish`, { committeeId: ids.province })).statusCode).toBe(200);
    const r1 = await feed(url);
    const e1 = events(r1.body).find((e) => e.uid === `schedule-event-${a.id}@vanphong`)!;
    expect(e1).toBeDefined();
    expect(e1.summary).toBe('Họp Ban Thường vụ về công tác cán bộ');
    expect(e1.location).toBe('Phòng họp số 1');
    expect((e1.start as Date).toISOString()).toBe(vn('2026-12-07', '08:00'));
    expect((e1.end as Date).toISOString()).toBe(vn('2026-12-07', '10:30'));
    // Another leader's event is not in the Bí thư's feed; the demo's published week (W48) is.
    expect(events(r1.body).some((e) => e.uid === `schedule-event-${other.id}@vanphong`)).toBe(false);
    expect(events(r1.body).length).toBeGreaterThan(1);

    // An edit after publishing: same UID, higher SEQUENCE, new time and marked summary.
    const p = await chanhvp.patch(`/api/schedule/events/${a.id}`, { version: 1, startsAt: vn('2026-12-07', '14:00'), endsAt: vn('2026-12-07', '16:00'), place: 'Hội trường Tỉnh ủy' });
    expect(p.statusCode, p.body).toBe(200);
    const e2 = events((await feed(url)).body).find((e) => e.uid === `schedule-event-${a.id}@vanphong`)!;
    expect((e2.start as Date).toISOString()).toBe(vn('2026-12-07', '14:00'));
    expect(e2.location).toBe('Hội trường Tỉnh ủy');
    expect(e2.summary).toBe('[Điều chỉnh] Họp Ban Thường vụ về công tác cán bộ');
    expect(Number(e2.sequence)).toBeGreaterThan(Number(e1.sequence));

    // A cancellation stays in the feed as CANCELLED (so calendars drop it).
    await chanhvp.post(`/api/schedule/events/${a.id}/cancel`, { reason: 'Lùi lịch' });
    const e3 = events((await feed(url)).body).find((e) => e.uid === `schedule-event-${a.id}@vanphong`)!;
    expect(e3.status).toBe('CANCELLED');

    // Revoked: 404 (also with and without ".ics"); someone else cannot revoke it (404).
    expect((await chanhvp.del(`/api/schedule/ical-tokens/${id}`)).statusCode).toBe(404);
    expect((await bithu.del(`/api/schedule/ical-tokens/${id}`)).statusCode).toBe(204);
    expect((await feed(url)).statusCode).toBe(404);
    expect((await feed(url.replace(/\.ics$/, ''))).statusCode).toBe(404);
  });

  it('a body’s feed: the committee’s published week; unknown tokens and out-of-scope subjects refused', async () => {
    const created = await bithu.post('/api/schedule/ical-tokens', { body: { committeeId: ids.province } });
    expect(created.statusCode, created.body).toBe(201);
    const body = (await feed(created.json().url)).body;
    const w = scheduleWeek.parse((await bithu.get('/api/schedule/weeks/2026-W48')).json());
    const uids = new Set(events(body).map((e) => e.uid));
    for (const e of w.events) {
      expect(uids.has(`schedule-event-${e.id}@vanphong`)).toBe(true);
    }
    expect(body).toContain('X-WR-CALNAME:Lịch công tác — Tỉnh ủy Hồng Lam');

    expect((await feed('/api/schedule/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode).toBe(404);
    expect((await feed('/api/schedule/ical/x')).statusCode).toBe(404);
    // The demo feed works without a session.
    expect((await feed(`/api/schedule/ical/${DEMO_ICAL_TOKEN}.ics`)).statusCode).toBe(200);
    // The commune's account cannot make a feed of a province leader or of the province.
    const bad = await xa.post('/api/schedule/ical-tokens', { personId: ids.biThu });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('personId');
    expect((await xa.post('/api/schedule/ical-tokens', { body: { committeeId: ids.province } })).statusCode).toBe(400);
    // Exactly one subject.
    expect((await bithu.post('/api/schedule/ical-tokens', { personId: ids.biThu, body: { committeeId: ids.province } })).statusCode).toBe(400);
    // A disabled owner's feeds stop.
    await t.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', ids.bithuUser).execute();
    expect((await feed(created.json().url)).statusCode).toBe(404);
  });
});
