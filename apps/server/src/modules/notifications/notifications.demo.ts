import type { Clock } from '../../platform/clock.ts';
import type { Trx } from '../../platform/context.ts';
import { notifyUsers } from './notifications.usecases.ts';

/**
 * Demo data: one welcome notification per account, in account order, so the first one (id 1) is the
 * administrator's — the OpenAPI example `POST /api/notifications/1/read` is replayed as `admin`.
 * Call it in the demo seed's transaction after the accounts exist and before anything else notifies.
 */
export async function seedDemoNotifications(trx: Trx, clock: Clock): Promise<void> {
  const users = await trx.selectFrom('users').select('id').orderBy('id').execute();
  await notifyUsers(
    trx,
    clock,
    users.map((u) => ({
      userId: u.id,
      kind: 'system.welcome',
      entityType: 'user',
      entityId: u.id,
      title: 'Chào mừng đến với hệ thống Văn phòng điện tử',
      body: 'Văn bản được trình, được phân phối cho đồng chí và các hạn xử lý sắp đến sẽ được thông báo tại đây.',
      url: '/',
      dedupeKey: `demo.welcome:${u.id}`,
    })),
  );
}
