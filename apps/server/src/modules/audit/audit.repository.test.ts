import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fixedClock, type TestContext } from '../../../test/test-context.ts';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { countAuditEventsOn, listAuditEvents, vietnamDayStartUtc } from './audit.repository.ts';

describe('reading the audit log', () => {
  const clock = fixedClock('2026-03-01T16:30:00Z'); // 23:30 on 1/3 in Hà Nội
  let t: TestContext;
  const write = (action: string, actor: string, entityId: number | null = null) =>
    inTransaction(t.ctx, (trx) =>
      recordAudit(
        { trx, dialect: t.ctx.dialect, clock, ctx: systemAuditContext(actor) },
        { action, entityType: 'user', entityId, details: { note: 'Ghi chú' } },
      ),
    );
  const page = { limit: 50, offset: 0 };

  beforeAll(async () => {
    t = await createTestContext({ clock });
    await write('users.created', 'admin', 5);
    await write('auth.login_failed', 'ketoan');
    clock.advance(60 * 60_000); // 00:30 on 2/3 in Hà Nội, still 1/3 in UTC
    await write('users.updated', 'admin', 5);
    await write('auth.loginXfailed', 'admin');
  });
  afterAll(async () => t.cleanup());

  it('a Vietnam calendar day starts at 17:00 UTC the day before', () => {
    expect(vietnamDayStartUtc('2026-03-01')).toBe('2026-02-28T17:00:00.000Z');
    expect(vietnamDayStartUtc('2026-01-01')).toBe('2025-12-31T17:00:00.000Z');
  });

  it('events come newest first with their details as an object', async () => {
    const { items, total } = await listAuditEvents(t.ctx.db, page);
    expect(total).toBe(4);
    expect(items.map((e) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(items[3]).toMatchObject({
      action: 'users.created',
      actorName: 'admin',
      entityType: 'user',
      entityId: '5',
      details: { note: 'Ghi chú' },
    });
  });

  it('the action filter is a prefix in which "_" is an ordinary character', async () => {
    expect(
      (await listAuditEvents(t.ctx.db, { ...page, action: 'users.' })).items.map((e) => e.action),
    ).toEqual(['users.updated', 'users.created']);
    expect(
      (await listAuditEvents(t.ctx.db, { ...page, action: 'auth.login_' })).items.map((e) => e.action),
    ).toEqual(['auth.login_failed']);
  });

  it('actor, entity type and entity id narrow the list together', async () => {
    const r = await listAuditEvents(t.ctx.db, { ...page, actor: 'admin', entityType: 'user', entityId: '5' });
    expect(r.items.map((e) => e.action)).toEqual(['users.updated', 'users.created']);
    expect((await listAuditEvents(t.ctx.db, { ...page, actor: 'ketoan' })).total).toBe(1);
  });

  it('from and to are Vietnam days: an event at 00:30 in Hà Nội belongs to that day, not to the UTC one', async () => {
    const second = await listAuditEvents(t.ctx.db, { ...page, from: '2026-03-02', to: '2026-03-02' });
    expect(second.items.map((e) => e.action)).toEqual(['auth.loginXfailed', 'users.updated']);
    const first = await listAuditEvents(t.ctx.db, { ...page, to: '2026-03-01' });
    expect(first.items.map((e) => e.action)).toEqual(['auth.login_failed', 'users.created']);
    expect(await countAuditEventsOn(t.ctx.db, '2026-03-01')).toBe(2);
  });

  it('limit and offset page through the list while total counts all matches', async () => {
    const r = await listAuditEvents(t.ctx.db, { limit: 1, offset: 1 });
    expect(r.items.map((e) => e.seq)).toEqual([3]);
    expect(r.total).toBe(4);
  });
});
