import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';

describe('the audit log over HTTP', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  it('the admin sees the seeding and her own login, newest first, as documented records', async () => {
    const r = await admin.get('/api/audit?limit=200');
    expect(r.statusCode).toBe(200);
    const { items, total } = r.json();
    expect(total).toBe(items.length);
    expect(items[0]).toEqual({
      id: expect.any(Number),
      seq: total,
      at: expect.any(String),
      actorName: 'admin',
      actorUserId: 1,
      action: 'auth.login',
      entityType: expect.any(String),
      entityId: expect.anything(),
      ip: expect.any(String),
      details: expect.any(Object),
      abilities: {},
    });
    expect(items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['seed.reference', 'seed.demo', 'calendar.generated']),
    );
  });

  it('filters combine: the events the seed wrote about the calendar', async () => {
    const r = await admin.get('/api/audit?actor=seed&action=calendar.&entityType=calendar_year');
    expect(r.json().items.map((e: { action: string }) => e.action)).toEqual([
      'calendar.generated',
      'calendar.generated',
    ]);
  });

  it('an inspector with audit.view may read the log; a clerk may not', async () => {
    expect((await (await t.login('kiemtra')).get('/api/audit?action=auth.')).statusCode).toBe(200);
    const clerk = await t.login('vanthu');
    expect((await clerk.get('/api/audit')).statusCode).toBe(403);
    expect((await clerk.get('/api/audit/verify')).statusCode).toBe(403);
  });

  it('a commune-scoped inspector with audit.view is refused 403 audit.scope_required and sees no provincial event', async () => {
    const commune = (await admin.get('/api/org/committees'))
      .json()
      .items.find((c: { parentId: number | null }) => c.parentId !== null);
    const created = await admin.post('/api/users', {
      username: 'kiemtraxa',
      password: 'Kiem-tra-xa-2026',
      displayName: 'Kiểm tra xã',
      roleCodes: ['inspector'],
      scopeCommitteeId: commune.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    // The first-login password change of a new account is not what this test is about.
    await t.ctx.db
      .updateTable('users')
      .set({ must_change_password: 0 })
      .where('username', '=', 'kiemtraxa')
      .execute();
    const inspector = await t.login('kiemtraxa', 'Kiem-tra-xa-2026');
    for (const url of ['/api/audit', '/api/audit?action=org.', '/api/audit/verify']) {
      const r = await inspector.get(url);
      expect(`${url} ${r.statusCode}`).toBe(`${url} 403`);
      expect(r.json().error.code).toBe('audit.scope_required');
      expect(r.body).not.toContain('"items"');
    }
    // The province-scoped inspector (root committee) keeps reading the whole log.
    const provincial = await t.login('kiemtra');
    expect((await provincial.get('/api/audit/verify')).statusCode).toBe(200);
  });

  it('a date that does not exist or an unknown filter is refused', async () => {
    const r = await admin.get('/api/audit?from=2026-02-30');
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'validation.failed', details: [{ path: 'querystring.from', message: 'no such date' }] });
    expect((await admin.get('/api/audit?from=30/01/2026')).json().error.code).toBe('validation.failed');
    expect((await admin.get('/api/audit?user=admin')).json().error.code).toBe('validation.failed');
  });

  it('verification reports an intact chain, and names the first row someone edited in the database', async () => {
    const ok = await admin.get('/api/audit/verify');
    expect(ok.json()).toEqual({ ok: true, checked: expect.any(Number), firstBroken: null });
    const victim = await t.ctx.db
      .selectFrom('audit_events')
      .select(['id', 'seq'])
      .where('action', '=', 'seed.demo')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('audit_events')
      .set({ actor_name: 'someone-else' })
      .where('id', '=', victim.id)
      .execute();
    const broken = (await admin.get('/api/audit/verify')).json();
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({
      id: victim.id,
      seq: victim.seq,
      reason: 'content does not match its hash',
    });
  });
});
