import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fixedClock, type TestContext } from '../../../test/test-context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedDemo } from '../seed/seed.ts';
import { seedDemoNotifications } from './notifications.demo.ts';
import { notifyUsers, type NotificationInput } from './notifications.usecases.ts';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? `${e.code} ${JSON.stringify(e.details)}` : String(e)),
  );

describe('notifying users from another module', () => {
  let t: TestContext;
  const clock = fixedClock('2026-03-02T01:30:00Z');
  let bithu: number;
  let vanthu: number;
  const rowsOf = (userId: number) =>
    t.ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  const notify = (items: NotificationInput[]) =>
    inTransaction(t.ctx, (trx) => notifyUsers(trx, clock, items));
  const presented = (
    userId: number,
    documentId: number,
    extra: Partial<NotificationInput> = {},
  ): NotificationInput => ({
    userId,
    kind: 'incoming.presented',
    entityType: 'incoming_document',
    entityId: documentId,
    title: `Văn bản đến số ${documentId} được trình`,
    url: `/incoming/${documentId}`,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestContext({ clock });
    await seedDemo(t.ctx, { nodeEnv: 'test' });
    // The demo documents notify their leaders; these tests count from empty inboxes.
    await t.ctx.db.deleteFrom('notifications').execute();
    const ids = new Map(
      (await t.ctx.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [
        u.username,
        u.id,
      ]),
    );
    bithu = ids.get('bithu')!;
    vanthu = ids.get('vanthu')!;
  });
  afterAll(async () => t.cleanup());

  it("writes the notification in the caller's transaction: a rolled-back change notifies nobody", async () => {
    const failed = inTransaction(t.ctx, async (trx) => {
      await notifyUsers(trx, clock, [presented(bithu, 1)]);
      throw new Error('the presentation failed');
    });
    await expect(failed).rejects.toThrow('the presentation failed');
    expect(await rowsOf(bithu)).toEqual([]);

    const { ids } = await notify([presented(bithu, 1, { body: 'Khẩn' })]);
    expect(ids).toHaveLength(1);
    expect(await rowsOf(bithu)).toEqual([
      {
        id: ids[0],
        user_id: bithu,
        kind: 'incoming.presented',
        entity_type: 'incoming_document',
        entity_id: '1',
        title: 'Văn bản đến số 1 được trình',
        body: 'Khẩn',
        url: '/incoming/1',
        dedupe_key: null,
        created_at: '2026-03-02T01:30:00.000Z',
        read_at: null,
      },
    ]);
  });

  it('is idempotent on the dedupe key, within one call and across calls, and returns only the new ids', async () => {
    const reminder = (userId: number) =>
      presented(userId, 7, {
        kind: 'incoming.deadline_soon',
        dedupeKey: `incoming.due:7:${userId}:2026-03-02`,
      });
    const first = await notify([reminder(vanthu), reminder(vanthu), reminder(bithu)]);
    expect(first.ids).toHaveLength(2);
    const again = await notify([reminder(vanthu), reminder(bithu)]);
    expect(again.ids).toEqual([]);
    expect((await rowsOf(vanthu)).filter((r) => r.kind === 'incoming.deadline_soon')).toHaveLength(1);
    // Without a key every call notifies.
    await notify([presented(vanthu, 8), presented(vanthu, 8)]);
    expect((await rowsOf(vanthu)).filter((r) => r.entity_id === '8')).toHaveLength(2);
    expect((await notify([])).ids).toEqual([]);
  });

  it('two transactions racing with the same key leave one notification', async () => {
    const item = presented(bithu, 9, { dedupeKey: 'race:9' });
    const results = await Promise.all([notify([item]), notify([item]), notify([item])]);
    expect(results.flatMap((r) => r.ids)).toHaveLength(1);
    expect((await rowsOf(bithu)).filter((r) => r.dedupe_key === 'race:9')).toHaveLength(1);
  });

  it('stores NFC text and cuts an over-long title with an ellipsis instead of failing the caller', async () => {
    const long = `V/v ${'triển khai nghị quyết '.repeat(30)}`.normalize('NFD');
    const { ids } = await notify([presented(bithu, 10, { title: long, body: ' Hỏa tốc '.normalize('NFD') })]);
    const row = (await rowsOf(bithu)).find((r) => r.id === ids[0])!;
    expect(row.title.length).toBe(300);
    expect(row.title.endsWith('…')).toBe(true);
    expect(row.title).toBe(row.title.normalize('NFC'));
    expect(row.body).toBe('Hỏa tốc');
  });

  it('refuses a malformed item naming its field, and stores none of the batch', async () => {
    const before = (await rowsOf(bithu)).length;
    const cases: [Partial<NotificationInput>, string][] = [
      [{ userId: 0 }, 'userId'],
      [{ kind: 'Incoming Presented' }, 'kind'],
      [{ title: '  ' }, 'title'],
      [{ entityId: '' }, 'entityId'],
      [{ url: 'https://example.com/x' }, 'url'],
      [{ url: '//example.com/x' }, 'url'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ dedupeKey: '' }, 'dedupeKey'],
    ];
    for (const [bad, field] of cases) {
      const code = await codeOf(notify([presented(bithu, 11), presented(bithu, 11, bad)]));
      expect(code).toContain('notifications.invalid');
      expect(code).toContain(`items.1.${field}`);
    }
    expect(await rowsOf(bithu)).toHaveLength(before);
  });

  it("an unknown user is refused by the database (the caller's bug surfaces, nothing half-written)", async () => {
    await expect(notify([presented(987654, 12)])).rejects.toThrow();
  });

  it('the demo welcome notifications greet every account once, in account order, however often they are seeded', async () => {
    await inTransaction(t.ctx, (trx) => seedDemoNotifications(trx, clock));
    await inTransaction(t.ctx, (trx) => seedDemoNotifications(trx, clock));
    const welcome = await t.ctx.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['notifications.id', 'users.id as userId', 'users.username'])
      .where('notifications.kind', '=', 'system.welcome')
      .orderBy('notifications.id')
      .execute();
    const users = await t.ctx.db.selectFrom('users').select('id').orderBy('id').execute();
    expect(welcome.map((w) => w.userId)).toEqual(users.map((u) => u.id));
    expect(welcome[0]!.username).toBe('admin');
  });
});
