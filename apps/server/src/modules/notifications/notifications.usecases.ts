import type { z } from 'zod';
import type { notificationListQuery } from '@vanphong/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';
import { notificationErrors } from './notifications.errors.ts';
import { BODY_MAX, clip, problemOf, TITLE_MAX, type NotificationInput } from './notifications.models.ts';
import { presentNotification, type NotificationView } from './notifications.presenters.ts';
import {
  countUnread,
  findForUser,
  insertNotifications,
  listForUser,
  markAllRead,
  markRead,
} from './notifications.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

export interface By {
  actor: Actor;
  audit: AuditContext;
}

export type { NotificationInput } from './notifications.models.ts';

/**
 * Puts notifications into users' inboxes **inside the caller's transaction**, so they exist if and
 * only if the change they announce commits. Idempotent on `dedupeKey`: an item whose key is already
 * used is skipped (on both engines), so a retried job or a repeated reminder notifies once.
 * Writes no audit event of its own: the caller's event (e.g. `incoming.presented`) records the change.
 * Refuses a malformed item with 400 `notifications.invalid` naming the field (a bug in the caller).
 * Returns the ids of the notifications actually created.
 */
export async function notifyUsers(
  trx: Trx,
  clock: Clock,
  items: readonly NotificationInput[],
): Promise<{ ids: number[] }> {
  items.forEach((item, i) => {
    const problem = problemOf(item);
    if (problem) {
      throw notificationErrors.invalid(i, ...problem);
    }
  });
  if (items.length === 0) {
    return { ids: [] };
  }
  const now = clock.now().toISOString();
  const ids = await insertNotifications(
    trx,
    items.map((item) => ({
      user_id: item.userId,
      kind: item.kind,
      entity_type: item.entityType,
      entity_id: String(item.entityId),
      title: clip(item.title, TITLE_MAX),
      body: clip(item.body ?? '', BODY_MAX),
      url: item.url ?? '',
      dedupe_key: item.dedupeKey ?? null,
      created_at: now,
    })),
  );
  return { ids };
}

/** The caller's own notifications, newest first. */
export async function listNotifications(
  ctx: Ctx,
  actor: Actor,
  query: z.infer<typeof notificationListQuery>,
): Promise<{ items: NotificationView[]; total: number }> {
  const { items, total } = await listForUser(ctx.db, actor.userId, query);
  return { items: items.map(presentNotification), total };
}

export async function unreadNotificationCount(ctx: Ctx, actor: Actor): Promise<{ count: number }> {
  return { count: await countUnread(ctx.db, actor.userId) };
}

/**
 * Marks one of the caller's notifications read. Idempotent: reading it again keeps the first time
 * and writes nothing. The rule "every mutation is audited" holds with one small event when the
 * state really changes; another user's notification is 404.
 */
export async function readNotification(ctx: Ctx, by: By, id: number): Promise<NotificationView> {
  return inTransaction(ctx, async (trx) => {
    const row = await findForUser(trx, by.actor.userId, id);
    if (!row) {
      throw notificationErrors.notFound();
    }
    if (row.read_at !== null) {
      return presentNotification(row);
    }
    const at = ctx.clock.now().toISOString();
    if (await markRead(trx, by.actor.userId, id, at)) {
      await recordAudit(
        { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
        {
          action: 'notifications.read',
          entityType: 'notification',
          entityId: id,
          details: { kind: row.kind },
        },
      );
    }
    return presentNotification((await findForUser(trx, by.actor.userId, id)) ?? row);
  });
}

/** Marks all the caller's unread notifications read: one audit event with the count, none when there were none. */
export async function readAllNotifications(ctx: Ctx, by: By): Promise<{ marked: number }> {
  return inTransaction(ctx, async (trx) => {
    const marked = await markAllRead(trx, by.actor.userId, ctx.clock.now().toISOString());
    if (marked > 0) {
      await recordAudit(
        { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
        {
          action: 'notifications.read_all',
          entityType: 'user',
          entityId: by.actor.userId,
          details: { marked },
        },
      );
    }
    return { marked };
  });
}
