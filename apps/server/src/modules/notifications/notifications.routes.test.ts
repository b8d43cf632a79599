import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../../test/test-context.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { notifyUsers } from './notifications.usecases.ts';

describe('my notifications', () => {
  let t: TestApp;
  let bithu: Client;
  let chuyenvien: Client;
  let admin: Client;
  const clock = fixedClock('2026-03-02T01:00:00Z');
  const userIds = new Map<string, number>();

  /** Notifications for `username` about documents `ids`, one minute apart (the clock moves). */
  const notify = async (username: string, ids: number[]) => {
    const out: number[] = [];
    for (const id of ids) {
      clock.advance(60_000);
      const r = await inTransaction(t.ctx, (trx) =>
        notifyUsers(trx, clock, [
          {
            userId: userIds.get(username)!,
            kind: 'incoming.presented',
            entityType: 'incoming_document',
            entityId: id,
            title: `Văn bản đến số ${id} chờ cho ý kiến`,
            url: `/incoming/${id}`,
          },
        ]),
      );
      out.push(...r.ids);
    }
    return out;
  };
  const events = (action: string) =>
    t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // The demo documents notify their leaders; these tests count from an empty inbox.
    await t.ctx.db.deleteFrom('notifications').execute();
    for (const u of await t.ctx.db.selectFrom('users').select(['id', 'username']).execute()) {
      userIds.set(u.username, u.id);
    }
    bithu = await t.login('bithu');
    chuyenvien = await t.login('chuyenvien');
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  it('a leader sees only their own notifications, newest first, with the unread count', async () => {
    const mine = await notify('bithu', [101, 102, 103]);
    await notify('chuyenvien', [201]);
    const r = await bithu.get('/api/notifications');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(3);
    expect(body.items.map((n: { id: number }) => n.id)).toEqual([...mine].reverse());
    expect(body.items[0]).toEqual({
      id: mine[2],
      kind: 'incoming.presented',
      entityType: 'incoming_document',
      entityId: '103',
      title: 'Văn bản đến số 103 chờ cho ý kiến',
      body: '',
      url: '/incoming/103',
      createdAt: '2026-03-02T01:03:00.000Z',
      readAt: null,
    });
    expect((await bithu.get('/api/notifications/unread-count')).json()).toEqual({ count: 3 });
    expect(
      (await chuyenvien.get('/api/notifications')).json().items.map((n: { entityId: string }) => n.entityId),
    ).toEqual(['201']);
  });

  it('pages with limit and offset, and filters unread and read', async () => {
    const page = (await bithu.get('/api/notifications?limit=2&offset=1')).json();
    expect(page.total).toBe(3);
    expect(page.items.map((n: { entityId: string }) => n.entityId)).toEqual(['102', '101']);
    expect((await bithu.get('/api/notifications?limit=0')).statusCode).toBe(400);
    expect((await bithu.get('/api/notifications?unread=maybe')).statusCode).toBe(400);
    expect((await bithu.get('/api/notifications?mine=all')).statusCode).toBe(400);
    expect((await bithu.get('/api/notifications?unread=false')).json()).toEqual({ items: [], total: 0 });
  });

  it('reading a notification marks it once, is audited once, and lowers the unread count', async () => {
    const [n] = (await bithu.get('/api/notifications?unread=true&limit=1')).json().items;
    clock.advance(60_000);
    const r = await bithu.post(`/api/notifications/${n.id}/read`);
    expect(r.statusCode).toBe(200);
    const readAt = clock.now().toISOString();
    expect(r.json().notification).toMatchObject({ id: n.id, readAt });
    clock.advance(60_000);
    const again = await bithu.post(`/api/notifications/${n.id}/read`);
    expect(again.json().notification.readAt).toBe(readAt);
    const evs = await events('notifications.read');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({
      actor_name: 'bithu',
      entity_type: 'notification',
      entity_id: String(n.id),
    });
    expect((await bithu.get('/api/notifications/unread-count')).json()).toEqual({ count: 2 });
    const unread = (await bithu.get('/api/notifications?unread=true')).json();
    expect(unread.total).toBe(2);
    expect(unread.items.map((x: { id: number }) => x.id)).not.toContain(n.id);
    expect((await bithu.get('/api/notifications?unread=false')).json().total).toBe(1);
  });

  it("another user's notification, even for an administrator, is 404 like a missing one, and stays unread", async () => {
    const [theirs] = (await chuyenvien.get('/api/notifications')).json().items;
    for (const c of [bithu, admin]) {
      const r = await c.post(`/api/notifications/${theirs.id}/read`);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('notifications.not_found');
    }
    expect((await bithu.post('/api/notifications/987654/read')).json().error.code).toBe(
      'notifications.not_found',
    );
    expect((await bithu.post('/api/notifications/abc/read')).statusCode).toBe(400);
    expect((await chuyenvien.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it("read-all marks only the caller's unread notifications, with one audit event carrying the count", async () => {
    const r = await bithu.post('/api/notifications/read-all');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ marked: 2 });
    expect((await bithu.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await chuyenvien.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    const evs = await events('notifications.read_all');
    expect(evs).toHaveLength(1);
    expect(JSON.parse(evs[0]!.details)).toEqual({ marked: 2 });
    expect((await bithu.post('/api/notifications/read-all')).json()).toEqual({ marked: 0 });
    expect(await events('notifications.read_all')).toHaveLength(1);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('an anonymous caller gets 401 on every notification endpoint', async () => {
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['GET', '/api/notifications/unread-count'],
      ['POST', '/api/notifications/1/read'],
      ['POST', '/api/notifications/read-all'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode).toBe(401);
    }
  });

  it("the OpenAPI examples work against the demo data: notification 1 is the administrator's welcome", async () => {
    const demo = await createTestApp({ clock });
    try {
      const c = await demo.login('admin');
      const spec = (await c.get('/api/openapi.json')).json();
      const examples = Object.entries(
        spec.paths as Record<
          string,
          Record<string, { 'x-request-example': { method?: string; url: string } }>
        >,
      )
        .filter(([p]) => p.startsWith('/api/notifications'))
        .flatMap(([, o]) => Object.values(o).map((op) => op['x-request-example']));
      expect(examples).toHaveLength(4);
      for (const ex of examples) {
        const r = ex.method === 'POST' ? await c.post(ex.url) : await c.get(ex.url);
        expect(`${ex.url} ${r.statusCode}`).toBe(`${ex.url} 200`);
      }
    } finally {
      await demo.cleanup();
    }
  });
});
