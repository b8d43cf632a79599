import type { z } from 'zod';
import type { notificationView } from '@vanphong/contracts';
import type { NotificationRow } from './notifications.repository.ts';

export type NotificationView = z.infer<typeof notificationView>;

/** The API shape (packages/contracts/src/notifications.ts), fields listed explicitly. */
export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    entityType: row.entity_type,
    entityId: row.entity_id,
    title: row.title,
    body: row.body,
    url: row.url,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
