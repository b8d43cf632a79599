import { idParams, notificationListQuery } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import {
  listNotifications,
  readAllNotifications,
  readNotification,
  unreadNotificationCount,
} from './notifications.usecases.ts';

/** The logged-in user's own inbox; nobody, not even an administrator, sees another user's notifications. */
export function notificationsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        ...doc({
          vi: 'Thông báo của tôi',
          en: 'My notifications, newest first',
          tag: 'notifications',
          example: { url: '/api/notifications?unread=true&limit=20' },
          description: '`unread=true` chỉ lấy thông báo chưa đọc / only unread ones. → `{ items, total }`',
        }),
        querystring: notificationListQuery,
      },
    },
    async (req) => listNotifications(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: doc({
        vi: 'Số thông báo chưa đọc',
        en: 'Number of my unread notifications',
        tag: 'notifications',
        example: { url: '/api/notifications/unread-count' },
        description: '→ `{ count }`',
      }),
    },
    async (req) => unreadNotificationCount(ctx, requireActor(req)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        ...doc({
          vi: 'Đánh dấu đã đọc một thông báo',
          en: 'Mark one of my notifications read',
          tag: 'notifications',
          example: { method: 'POST', url: '/api/notifications/1/read' },
          description:
            "Đọc lại không đổi thời điểm đọc đầu tiên; thông báo của người khác trả 404. / Idempotent (keeps the first read time); another user's notification answers 404. → `{ notification }`",
        }),
        params: idParams,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const notification = await readNotification(ctx, { actor, audit: auditContextOf(req) }, req.params.id);
      return { notification };
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: doc({
        vi: 'Đánh dấu đã đọc tất cả',
        en: 'Mark all my notifications read',
        tag: 'notifications',
        example: { method: 'POST', url: '/api/notifications/read-all' },
        description: '→ `{ marked }` (số thông báo vừa được đánh dấu / how many changed)',
      }),
    },
    async (req) => {
      const actor = requireActor(req);
      return readAllNotifications(ctx, { actor, audit: auditContextOf(req) });
    },
  );
}
