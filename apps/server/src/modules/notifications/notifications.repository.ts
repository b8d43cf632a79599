import type { Kysely, Selectable } from 'kysely';
import type { Database, NotificationsTable } from '../../platform/db/schema.ts';

export type NotificationRow = Selectable<NotificationsTable>;

export type NewNotificationRow = Omit<NotificationRow, 'id' | 'read_at'>;

/** Rows per INSERT: 9 columns each, far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * Inserts notifications; a row whose `dedupe_key` is already taken is skipped (ON CONFLICT DO NOTHING,
 * the same on both engines), so a reminder job that runs twice notifies once. Returns the new ids.
 */
export async function insertNotifications(
  db: Kysely<Database>,
  rows: NewNotificationRow[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await db
      .insertInto('notifications')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** One user's inbox, newest first (the `(user_id, id)` index serves both the filter and the order). */
export async function listForUser(
  db: Kysely<Database>,
  userId: number,
  { unread, limit, offset }: { unread?: boolean; limit: number; offset: number },
): Promise<{ items: NotificationRow[]; total: number }> {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (unread === true) {
    base = base.where('read_at', 'is', null);
  } else if (unread === false) {
    base = base.where('read_at', 'is not', null);
  }
  const items = await base.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const { n } = await base.select((e) => e.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

export async function countUnread(db: Kysely<Database>, userId: number): Promise<number> {
  const { n } = await db
    .selectFrom('notifications')
    .select((e) => e.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The notification `id` if it belongs to `userId`; another user's is as absent as a missing one. */
export async function findForUser(
  db: Kysely<Database>,
  userId: number,
  id: number,
): Promise<NotificationRow | null> {
  return (
    (await db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst()) ?? null
  );
}

/** Marks one unread notification read; false when it was read already (by another tab, say). */
export async function markRead(
  db: Kysely<Database>,
  userId: number,
  id: number,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllRead(db: Kysely<Database>, userId: number, at: string): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
