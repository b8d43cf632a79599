import { z } from 'zod';
import { pageQuery } from './common.ts';

export const notificationListQuery = pageQuery
  .extend({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional() })
  .strict();
export const notificationView = z.object({
  id: z.number(),
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
