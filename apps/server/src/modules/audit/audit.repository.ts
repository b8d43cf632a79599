import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { addCalendarDays } from '../calendar/calendar.workdays.ts';

type Db = Kysely<Database>;

export interface AuditEvent {
  id: number;
  seq: number;
  at: string;
  actorName: string;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * Start of a Vietnam calendar day as the UTC instant text stored in `at`. Asia/Ho_Chi_Minh is UTC+7
 * all year (no daylight saving), so midnight there is 17:00 UTC the day before. ISO text with a fixed
 * format compares in time order, on both engines.
 */
export function vietnamDayStartUtc(date: string): string {
  return `${addCalendarDays(date, -1)}T17:00:00.000Z`;
}

/** The audit log, newest first, filtered; `action` is a prefix (`users.` lists every account event). */
export async function listAuditEvents(
  db: Db,
  f: AuditFilter,
): Promise<{ items: AuditEvent[]; total: number }> {
  let base = db.selectFrom('audit_events');
  if (f.action) {
    // substr rather than LIKE: action names contain `_`, which LIKE would read as a wildcard.
    base = base.where(sql<string>`substr(action, 1, ${f.action.length})`, '=', f.action);
  }
  if (f.actor) {
    base = base.where('actor_name', '=', f.actor);
  }
  if (f.entityType) {
    base = base.where('entity_type', '=', f.entityType);
  }
  if (f.entityId) {
    base = base.where('entity_id', '=', f.entityId);
  }
  if (f.from) {
    base = base.where('at', '>=', vietnamDayStartUtc(f.from));
  }
  if (f.to) {
    base = base.where('at', '<', vietnamDayStartUtc(addCalendarDays(f.to, 1)));
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      at: r.at,
      actorName: r.actor_name,
      actorUserId: r.actor_user_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      ip: r.ip,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
    total: Number(count.n),
  };
}

/** Events written during one Vietnam calendar day (the home page's "today"). */
export async function countAuditEventsOn(db: Db, date: string): Promise<number> {
  const r = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>=', vietnamDayStartUtc(date))
    .where('at', '<', vietnamDayStartUtc(addCalendarDays(date, 1)))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
