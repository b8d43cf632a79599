/** Reads and writes of the weekly schedule tables (events, their leaders and resources, weeks, resources). */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ScheduleEventsTable } from '../../platform/db/schema.ts';

type Db = Kysely<Database>;
export type EventRow = Selectable<ScheduleEventsTable>;

export interface LeaderRow {
  eventId: number;
  id: number;
  name: string;
  position: string | null;
}
export interface ResourceRow {
  eventId: number;
  id: number;
  kind: string;
  name: string;
}

export const loadEvent = (db: Db, id: number): Promise<EventRow | undefined> =>
  db.selectFrom('schedule_events').selectAll().where('id', '=', id).executeTakeFirst();

/** The leaders and resources of events, keyed by event id (order: leaders by position rank, then name). */
export async function loadParts(db: Db, ids: number[]): Promise<{ leaders: Map<number, LeaderRow[]>; resources: Map<number, ResourceRow[]> }> {
  const leaders = new Map<number, LeaderRow[]>();
  const resources = new Map<number, ResourceRow[]>();
  if (ids.length === 0) {
    return { leaders, resources };
  }
  const [ls, rs] = await Promise.all([
    db
      .selectFrom('schedule_event_leaders as l')
      .innerJoin('people as p', 'p.id', 'l.person_id')
      .leftJoin('positions as pos', 'pos.id', 'p.position_id')
      .select(['l.event_id as eventId', 'p.id as id', 'p.full_name as name', 'pos.name as position', 'pos.rank as rank'])
      .where('l.event_id', 'in', ids)
      .execute(),
    db
      .selectFrom('schedule_event_resources as er')
      .innerJoin('resources as r', 'r.id', 'er.resource_id')
      .select(['er.event_id as eventId', 'r.id as id', 'r.kind as kind', 'r.name as name'])
      .where('er.event_id', 'in', ids)
      .orderBy('r.kind')
      .orderBy('r.name')
      .execute(),
  ]);
  ls.sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999) || a.name.localeCompare(b.name, 'vi') || a.id - b.id);
  for (const l of ls) {
    const list = leaders.get(l.eventId) ?? [];
    list.push({ eventId: l.eventId, id: l.id, name: l.name, position: l.position });
    leaders.set(l.eventId, list);
  }
  for (const r of rs) {
    const list = resources.get(r.eventId) ?? [];
    list.push(r);
    resources.set(r.eventId, list);
  }
  return { leaders, resources };
}

export async function replaceLeaders(trx: Db, eventId: number, personIds: number[]): Promise<void> {
  await trx.deleteFrom('schedule_event_leaders').where('event_id', '=', eventId).execute();
  if (personIds.length > 0) {
    await trx.insertInto('schedule_event_leaders').values(personIds.map((p) => ({ event_id: eventId, person_id: p }))).execute();
  }
}

export async function replaceResources(trx: Db, eventId: number, resourceIds: number[]): Promise<void> {
  await trx.deleteFrom('schedule_event_resources').where('event_id', '=', eventId).execute();
  if (resourceIds.length > 0) {
    await trx.insertInto('schedule_event_resources').values(resourceIds.map((r) => ({ event_id: eventId, resource_id: r }))).execute();
  }
}

export interface WeekRow {
  id: number;
  committee_id: number;
  iso_week: string;
  status: string;
  revision: number;
  published_at: string | null;
}

export const loadWeek = (db: Db, committeeId: number, week: string): Promise<WeekRow | undefined> =>
  db
    .selectFrom('schedule_weeks')
    .select(['id', 'committee_id', 'iso_week', 'status', 'revision', 'published_at'])
    .where('committee_id', '=', committeeId)
    .where('iso_week', '=', week)
    .executeTakeFirst();

export const loadWeeks = (db: Db, committeeId: number, weeks: string[]): Promise<WeekRow[]> =>
  weeks.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('schedule_weeks')
        .select(['id', 'committee_id', 'iso_week', 'status', 'revision', 'published_at'])
        .where('committee_id', '=', committeeId)
        .where('iso_week', 'in', weeks)
        .execute();

/**
 * Events of a committee starting inside [from, to) (UTC ISO). `publishedOnly`: only those of published
 * weeks, and of those only the ones not cancelled before publishing (a cancellation after it is shown).
 */
export function eventsBetween(db: Db, committeeId: number, from: string, to: string, publishedOnly: boolean): Promise<EventRow[]> {
  let q = db
    .selectFrom('schedule_events as e')
    .selectAll('e')
    .where('e.committee_id', '=', committeeId)
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<', to);
  if (publishedOnly) {
    q = q
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('schedule_weeks as w')
            .select('w.id')
            .whereRef('w.committee_id', '=', 'e.committee_id')
            .whereRef('w.iso_week', '=', 'e.iso_week')
            .where('w.status', '=', 'published'),
        ),
      )
      .where((eb) => eb.or([eb('e.cancelled', '=', 0), eb('e.changed_after_publish', '=', 1)]));
  }
  return q.orderBy('e.starts_at').orderBy('e.ends_at').orderBy('e.id').execute();
}

/**
 * Other events, not cancelled, of the same people overlapping [startsAt, endsAt), in the given committees
 * (null: any). Answers one row per (person, event).
 */
export async function leaderOverlaps(
  db: Db,
  personIds: number[],
  startsAt: string,
  endsAt: string,
  committees: number[] | null,
  publishedOnly: boolean,
): Promise<{ personId: number; personName: string; eventId: number; content: string; startsAt: string; endsAt: string }[]> {
  if (personIds.length === 0 || (committees !== null && committees.length === 0)) {
    return [];
  }
  let q = db
    .selectFrom('schedule_event_leaders as l')
    .innerJoin('schedule_events as e', 'e.id', 'l.event_id')
    .innerJoin('people as p', 'p.id', 'l.person_id')
    .select(['l.person_id as personId', 'p.full_name as personName', 'e.id as eventId', 'e.content', 'e.starts_at as startsAt', 'e.ends_at as endsAt'])
    .where('l.person_id', 'in', personIds)
    .where('e.cancelled', '=', 0)
    .where('e.starts_at', '<', endsAt)
    .where('e.ends_at', '>', startsAt);
  if (committees !== null) {
    q = q.where('e.committee_id', 'in', committees);
  }
  if (publishedOnly) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('schedule_weeks as w')
          .select('w.id')
          .whereRef('w.committee_id', '=', 'e.committee_id')
          .whereRef('w.iso_week', '=', 'e.iso_week')
          .where('w.status', '=', 'published'),
      ),
    );
  }
  return q.orderBy('e.starts_at').orderBy('e.id').orderBy('l.person_id').execute();
}
