/**
 * The leaders' weekly schedule (issue 6 §2, §4; spec §8): events with their leaders and rooms/cars, the
 * week published as a whole, changes after publishing flagged and announced to the leaders concerned.
 *
 * - A leader booked twice at once is flagged (`conflicts`), not refused; a room or car booked twice is
 *   refused (409 `schedule.resource_taken`), also for two saves at the same moment: the resource rows are
 *   locked inside the transaction (FOR UPDATE on PostgreSQL; SQLite has one writer) before the overlap
 *   check, so the second save waits and then sees the first.
 * - Week publishing and event changes of one week take the same lock (`lockKey`), so a change racing a
 *   publication is either before it (part of the publication) or after it (flagged).
 * - `schedule.view` reads the published weeks of the committees in scope; `schedule.manage` changes them
 *   and reads drafts. Other committees' events answer 404.
 */
import type { Kysely } from 'kysely';
import type { BodyRef, eventInput, eventPatch, resourceInput } from '@vanphong/contracts';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { bodyKeyOf } from '../tasks/tasks.models.ts';
import { scheduleErrors as E } from './schedule.errors.ts';
import { inServiceYears, instantsOfDays, isoWeekOfInstant, monthRange, overlaps, timeRange, toStoredInstant, vnDay, weekRange, weeksOfDays } from './schedule.models.ts';
import * as repo from './schedule.repository.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
type Db = Kysely<Database>;
export type EventInput = z.infer<typeof eventInput>;

export interface By {
  actor: Actor;
  audit: AuditContext;
}

const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

/* ---------------------------------------------------------------- permissions and scope */

export const manages = (actor: Actor): boolean => actor.permissions.has('schedule.manage');
const views = (actor: Actor): boolean => actor.permissions.has('schedule.view') || manages(actor);

export function mustView(actor: Actor): void {
  if (!views(actor)) {
    throw E.forbidden('You may not read the schedule');
  }
}

export function mustManage(actor: Actor): void {
  if (!manages(actor)) {
    throw E.forbidden('Only the office (schedule.manage) changes the schedule');
  }
}

/** The committees the actor's scope covers (null: all). */
export const scopeOf = (db: Db, actor: Actor): Promise<number[] | null> => scopeCommitteeIds(db, actor);
const inScope = (scope: number[] | null, committeeId: number) => scope === null || scope.includes(committeeId);

/** The committee asked for (default: the actor's own, or the top committee), or 404 when outside the scope. */
export async function committeeFor(db: Db, actor: Actor, committeeId: number | undefined): Promise<{ id: number; name: string }> {
  const scope = await scopeOf(db, actor);
  let id = committeeId ?? actor.scopeCommitteeId;
  if (id === undefined || id === null) {
    const top = await db.selectFrom('committees').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
    id = top?.id ?? 0;
  }
  const c = await db.selectFrom('committees').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!c || !inScope(scope, c.id)) {
    throw E.notFound('schedule.committee');
  }
  return c;
}

/* ---------------------------------------------------------------- checks of an event */

interface Resolved {
  startsAt: string;
  endsAt: string;
  week: string;
  leaderIds: number[];
  resourceIds: number[];
  preparingKey: string | null;
}

function checkTimes(startsAtIn: string, endsAtIn: string): { startsAt: string; endsAt: string; week: string } {
  const startsAt = toStoredInstant(startsAtIn);
  const endsAt = toStoredInstant(endsAtIn);
  for (const [path, v] of [['startsAt', startsAt], ['endsAt', endsAt]] as const) {
    if (!inServiceYears(v)) {
      throw E.field('out_of_range', path, 'The year must be between 2000 and 2999');
    }
  }
  if (endsAt <= startsAt) {
    throw E.endsBeforeStart();
  }
  if (Date.parse(endsAt) - Date.parse(startsAt) > 31 * 86_400_000) {
    throw E.field('too_long', 'endsAt', 'An event of the weekly schedule lasts at most 31 days');
  }
  return { startsAt, endsAt, week: isoWeekOfInstant(startsAt) };
}

async function checkLeaders(db: Db, ids: number[]): Promise<number[]> {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw E.field('duplicate_leader', `leaderIds.${i}`, 'The same leader is named twice');
    }
    seen.add(id);
  });
  if (ids.length === 0) {
    return [];
  }
  const found = new Map((await db.selectFrom('people').select(['id', 'active']).where('id', 'in', ids).execute()).map((p) => [p.id, p.active]));
  ids.forEach((id, i) => {
    if (!found.has(id)) {
      throw E.field('unknown_leader', `leaderIds.${i}`, 'No such person in the directory');
    }
    if (!found.get(id)) {
      throw E.field('inactive_leader', `leaderIds.${i}`, 'This person is no longer active');
    }
  });
  return ids;
}

async function checkResources(db: Db, committeeId: number, ids: number[]): Promise<number[]> {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw E.field('duplicate_resource', `resourceIds.${i}`, 'The same room or car is named twice');
    }
    seen.add(id);
  });
  if (ids.length === 0) {
    return [];
  }
  const found = new Map((await db.selectFrom('resources').select(['id', 'committee_id', 'active']).where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const r = found.get(id);
    if (!r || r.committee_id !== committeeId) {
      throw E.field('unknown_resource', `resourceIds.${i}`, 'No such room or car of this committee');
    }
    if (!r.active) {
      throw E.field('inactive_resource', `resourceIds.${i}`, 'This room or car is no longer in use');
    }
  });
  return ids;
}

async function checkBody(db: Db, ref: BodyRef | null): Promise<string | null> {
  if (ref === null) {
    return null;
  }
  const c = await db.selectFrom('committees').select('id').where('id', '=', ref.committeeId).executeTakeFirst();
  if (!c) {
    throw E.field('unknown_body', 'preparingBody', 'No such committee');
  }
  if (ref.agencyId !== null) {
    const a = await db.selectFrom('agencies').select('committee_id').where('id', '=', ref.agencyId).executeTakeFirst();
    if (!a || a.committee_id !== ref.committeeId) {
      throw E.field('unknown_body', 'preparingBody', 'No such agency of this committee');
    }
  }
  return bodyKeyOf(ref.committeeId, ref.agencyId);
}

async function checkMeeting(db: Db, committeeId: number, meetingId: number | null): Promise<void> {
  if (meetingId === null) {
    return;
  }
  const m = await db.selectFrom('meetings').select('committee_id').where('id', '=', meetingId).executeTakeFirst();
  if (!m || m.committee_id !== committeeId) {
    throw E.field('unknown_meeting', 'meetingId', 'No such meeting of this committee');
  }
}

/**
 * Locks the rooms and cars (in id order, so two saves never wait on each other crosswise) and refuses
 * when one is booked by another event, not cancelled, at an overlapping time.
 */
async function lockAndCheckResources(ctx: Ctx, trx: Trx, eventId: number | null, r: Resolved): Promise<void> {
  if (r.resourceIds.length === 0) {
    return;
  }
  await ctx.dialect.forUpdate(trx.selectFrom('resources').select('id').where('id', 'in', r.resourceIds).orderBy('id')).execute();
  let q = trx
    .selectFrom('schedule_event_resources as er')
    .innerJoin('schedule_events as e', 'e.id', 'er.event_id')
    .innerJoin('resources as res', 'res.id', 'er.resource_id')
    .select(['er.resource_id as resourceId', 'res.name as name', 'e.id as eventId', 'e.starts_at as startsAt', 'e.ends_at as endsAt'])
    .where('er.resource_id', 'in', r.resourceIds)
    .where('e.cancelled', '=', 0)
    .where('e.starts_at', '<', r.endsAt)
    .where('e.ends_at', '>', r.startsAt);
  if (eventId !== null) {
    q = q.where('e.id', '!=', eventId);
  }
  const taken = await q.orderBy('er.resource_id').orderBy('e.starts_at').execute();
  if (taken.length > 0) {
    throw E.resourceTaken(taken.map((t) => ({ ...t, index: r.resourceIds.indexOf(t.resourceId) })));
  }
}

const weekLock = (ctx: Ctx, trx: Trx, committeeId: number, week: string) => ctx.dialect.lockKey(trx, `schedule.week:${committeeId}:${week}`);

async function isPublished(trx: Db, committeeId: number, week: string): Promise<boolean> {
  return (await repo.loadWeek(trx, committeeId, week))?.status === 'published';
}

/** Announces a change of a published week to the user accounts of the leaders concerned (not the actor). */
async function notifyLeaders(ctx: Ctx, trx: Trx, by: By, e: { id: number; committeeId: number; week: string; content: string; startsAt: string; endsAt: string; place: string; version: number; what: string }, personIds: number[]): Promise<number> {
  if (personIds.length === 0) {
    return 0;
  }
  const users = await trx
    .selectFrom('users')
    .select('id')
    .where('person_id', 'in', [...new Set(personIds)])
    .where('disabled', '=', 0)
    .where('id', '!=', by.actor.userId)
    .execute();
  const day = vnDay(e.startsAt);
  const { ids } = await notifyUsers(
    trx,
    ctx.clock,
    users.map((u) => ({
      userId: u.id,
      kind: 'schedule.changed',
      entityType: 'schedule_event',
      entityId: e.id,
      title: `Điều chỉnh lịch công tác tuần ${e.week.slice(6)}: ${e.what} — ${e.content}`,
      body: `${day.weekday}, ${day.date}, ${timeRange(e.startsAt, e.endsAt)}${e.place ? `, ${e.place}` : ''}`,
      url: `/schedule/weeks/${e.week}?committeeId=${e.committeeId}`,
      dedupeKey: `schedule.changed:${e.id}:v${e.version}:u${u.id}`,
    })),
  );
  return ids.length;
}

/* ---------------------------------------------------------------- create, edit, cancel */

/**
 * Creates an event inside the caller's transaction (the meetings module puts its meeting on the schedule
 * with it). Answers the new id.
 */
export async function createEventInTrx(ctx: Ctx, trx: Trx, by: By, input: EventInput): Promise<number> {
  const { actor } = by;
  mustManage(actor);
  const scope = await scopeOf(trx, actor);
  if (!inScope(scope, input.committeeId) || !(await trx.selectFrom('committees').select('id').where('id', '=', input.committeeId).executeTakeFirst())) {
    throw E.notFound('schedule.committee');
  }
  const times = checkTimes(input.startsAt, input.endsAt);
  const r: Resolved = {
    ...times,
    leaderIds: await checkLeaders(trx, input.leaderIds),
    resourceIds: await checkResources(trx, input.committeeId, input.resourceIds),
    preparingKey: await checkBody(trx, input.preparingBody),
  };
  await checkMeeting(trx, input.committeeId, input.meetingId);
  await weekLock(ctx, trx, input.committeeId, r.week);
  await lockAndCheckResources(ctx, trx, null, r);
  const published = await isPublished(trx, input.committeeId, r.week);
  const now = ctx.clock.now().toISOString();
  const row = await trx
    .insertInto('schedule_events')
    .values({
      committee_id: input.committeeId,
      iso_week: r.week,
      starts_at: r.startsAt,
      ends_at: r.endsAt,
      content: input.content.normalize('NFC'),
      place: input.place.normalize('NFC'),
      preparing_key: r.preparingKey,
      participants: input.participants.normalize('NFC'),
      notes: input.notes.normalize('NFC'),
      meeting_id: input.meetingId,
      cancelled: 0,
      changed_after_publish: published ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repo.replaceLeaders(trx, row.id, r.leaderIds);
  await repo.replaceResources(trx, row.id, r.resourceIds);
  const notified = published
    ? await notifyLeaders(ctx, trx, by, { id: row.id, committeeId: input.committeeId, week: r.week, content: input.content, startsAt: r.startsAt, endsAt: r.endsAt, place: input.place, version: 1, what: 'bổ sung' }, r.leaderIds)
    : 0;
  await recordAudit(audited(ctx, trx, by), {
    action: 'schedule.event_created',
    entityType: 'schedule_event',
    entityId: row.id,
    details: { committeeId: input.committeeId, week: r.week, startsAt: r.startsAt, endsAt: r.endsAt, leaderIds: r.leaderIds, resourceIds: r.resourceIds, afterPublish: published, notified },
  });
  return row.id;
}

export async function createEvent(ctx: Ctx, by: By, input: EventInput): Promise<number> {
  mustManage(by.actor);
  return inTransaction(ctx, (trx) => createEventInTrx(ctx, trx, by, input));
}

/** An event of a committee in the actor's scope, or 404. */
async function loadInScope(db: Db, actor: Actor, id: number): Promise<repo.EventRow> {
  const e = await repo.loadEvent(db, id);
  if (!e || !inScope(await scopeOf(db, actor), e.committee_id)) {
    throw E.notFound('schedule.event');
  }
  return e;
}

type EventPatch = z.infer<typeof eventPatch>;

/** Edits an event (version check). After publishing, the change is flagged and the leaders (before and after) notified. */
export async function updateEvent(ctx: Ctx, by: By, id: number, input: EventPatch): Promise<void> {
  const { actor } = by;
  mustView(actor);
  await inTransaction(ctx, async (trx) => {
    await loadInScope(trx, actor, id);
    mustManage(actor);
    await ctx.dialect.forUpdate(trx.selectFrom('schedule_events').select('id').where('id', '=', id)).execute();
    const e = (await repo.loadEvent(trx, id))!;
    if (e.version !== input.version) {
      throw E.versionConflict();
    }
    if (e.cancelled) {
      throw E.cancelled();
    }
    const parts = await repo.loadParts(trx, [id]);
    const oldLeaders = (parts.leaders.get(id) ?? []).map((l) => l.id);
    const oldResources = (parts.resources.get(id) ?? []).map((r) => r.id);
    const times = checkTimes(input.startsAt ?? e.starts_at, input.endsAt ?? e.ends_at);
    const r: Resolved = {
      ...times,
      leaderIds: input.leaderIds !== undefined ? await checkLeaders(trx, input.leaderIds) : oldLeaders,
      resourceIds: input.resourceIds !== undefined ? await checkResources(trx, e.committee_id, input.resourceIds) : oldResources,
      preparingKey: input.preparingBody !== undefined ? await checkBody(trx, input.preparingBody) : e.preparing_key,
    };
    if (input.meetingId !== undefined) {
      await checkMeeting(trx, e.committee_id, input.meetingId);
    }
    for (const w of new Set([e.iso_week, r.week].sort())) {
      await weekLock(ctx, trx, e.committee_id, w);
    }
    await lockAndCheckResources(ctx, trx, id, r);
    const published = (await isPublished(trx, e.committee_id, e.iso_week)) || (await isPublished(trx, e.committee_id, r.week));
    const next = {
      content: input.content?.normalize('NFC') ?? e.content,
      place: input.place?.normalize('NFC') ?? e.place,
      participants: input.participants?.normalize('NFC') ?? e.participants,
      notes: input.notes?.normalize('NFC') ?? e.notes,
      meeting_id: input.meetingId !== undefined ? input.meetingId : e.meeting_id,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const note = (k: string, from: unknown, to: unknown) => {
      if (JSON.stringify(from) !== JSON.stringify(to)) {
        changes[k] = { from, to };
      }
    };
    note('startsAt', e.starts_at, r.startsAt);
    note('endsAt', e.ends_at, r.endsAt);
    note('content', e.content, next.content);
    note('place', e.place, next.place);
    note('participants', e.participants, next.participants);
    note('notes', e.notes, next.notes);
    note('preparingBody', e.preparing_key, r.preparingKey);
    note('meetingId', e.meeting_id, next.meeting_id);
    note('leaderIds', [...oldLeaders].sort((a, b) => a - b), [...r.leaderIds].sort((a, b) => a - b));
    note('resourceIds', [...oldResources].sort((a, b) => a - b), [...r.resourceIds].sort((a, b) => a - b));
    const flagged = published && Object.keys(changes).length > 0;
    const now = ctx.clock.now().toISOString();
    const res = await trx
      .updateTable('schedule_events')
      .set({
        ...next,
        iso_week: r.week,
        starts_at: r.startsAt,
        ends_at: r.endsAt,
        preparing_key: r.preparingKey,
        changed_after_publish: flagged ? 1 : e.changed_after_publish,
        updated_at: now,
        version: e.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      throw E.versionConflict();
    }
    await repo.replaceLeaders(trx, id, r.leaderIds);
    await repo.replaceResources(trx, id, r.resourceIds);
    const notified = flagged
      ? await notifyLeaders(ctx, trx, by, { id, committeeId: e.committee_id, week: r.week, content: next.content, startsAt: r.startsAt, endsAt: r.endsAt, place: next.place, version: e.version + 1, what: 'thay đổi' }, [...oldLeaders, ...r.leaderIds])
      : 0;
    await recordAudit(audited(ctx, trx, by), {
      action: 'schedule.event_updated',
      entityType: 'schedule_event',
      entityId: id,
      details: { changes, afterPublish: flagged, notified },
    });
  });
}

/** Cancels an event (frees its rooms and cars). After publishing, shown as cancelled and announced. */
export async function cancelEvent(ctx: Ctx, by: By, id: number, input: { version?: number; reason: string }): Promise<void> {
  const { actor } = by;
  mustView(actor);
  await inTransaction(ctx, async (trx) => {
    await loadInScope(trx, actor, id);
    mustManage(actor);
    await ctx.dialect.forUpdate(trx.selectFrom('schedule_events').select('id').where('id', '=', id)).execute();
    const e = (await repo.loadEvent(trx, id))!;
    if (input.version !== undefined && e.version !== input.version) {
      throw E.versionConflict();
    }
    if (e.cancelled) {
      throw E.cancelled();
    }
    await weekLock(ctx, trx, e.committee_id, e.iso_week);
    const published = await isPublished(trx, e.committee_id, e.iso_week);
    const reason = input.reason.normalize('NFC');
    await trx
      .updateTable('schedule_events')
      .set({
        cancelled: 1,
        changed_after_publish: published ? 1 : e.changed_after_publish,
        notes: reason && published ? `${e.notes ? `${e.notes}\n` : ''}Hoãn: ${reason}` : e.notes,
        updated_at: ctx.clock.now().toISOString(),
        version: e.version + 1,
      })
      .where('id', '=', id)
      .execute();
    const leaders = (await repo.loadParts(trx, [id])).leaders.get(id) ?? [];
    const notified = published
      ? await notifyLeaders(ctx, trx, by, { id, committeeId: e.committee_id, week: e.iso_week, content: e.content, startsAt: e.starts_at, endsAt: e.ends_at, place: e.place, version: e.version + 1, what: 'hoãn' }, leaders.map((l) => l.id))
      : 0;
    await recordAudit(audited(ctx, trx, by), {
      action: 'schedule.event_cancelled',
      entityType: 'schedule_event',
      entityId: id,
      details: { reason, afterPublish: published, notified },
    });
  });
}

/* ---------------------------------------------------------------- publish */

/**
 * Publishes the week of a committee: status published, revision + 1. The changes flagged since the last
 * publication become part of this revision (their flags are cleared; cancelled events leave the week).
 */
export async function publishWeek(ctx: Ctx, by: By, week: string, committeeId: number | undefined): Promise<number> {
  const { actor } = by;
  mustView(actor);
  const c = await committeeFor(ctx.db, actor, committeeId);
  mustManage(actor);
  if (!weekRange(week)) {
    throw E.field('no_such_week', 'isoWeek', 'This year has no such ISO week');
  }
  return inTransaction(ctx, async (trx) => {
    await weekLock(ctx, trx, c.id, week);
    const now = ctx.clock.now().toISOString();
    const w = await repo.loadWeek(trx, c.id, week);
    const revision = (w?.revision ?? 0) + 1;
    if (w) {
      await trx.updateTable('schedule_weeks').set({ status: 'published', revision, published_at: now, published_by: actor.userId }).where('id', '=', w.id).execute();
    } else {
      await trx.insertInto('schedule_weeks').values({ committee_id: c.id, iso_week: week, status: 'published', revision, published_at: now, published_by: actor.userId }).execute();
    }
    const cleared = await trx
      .updateTable('schedule_events')
      .set({ changed_after_publish: 0 })
      .where('committee_id', '=', c.id)
      .where('iso_week', '=', week)
      .where('changed_after_publish', '=', 1)
      .executeTakeFirst();
    const events = await trx
      .selectFrom('schedule_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('committee_id', '=', c.id)
      .where('iso_week', '=', week)
      .where('cancelled', '=', 0)
      .executeTakeFirstOrThrow();
    await recordAudit(audited(ctx, trx, by), {
      action: 'schedule.week_published',
      entityType: 'schedule_week',
      entityId: `${c.id}:${week}`,
      details: { committeeId: c.id, week, revision, events: Number(events.n), changesIncluded: Number(cleared.numUpdatedRows) },
    });
    return revision;
  });
}

/* ---------------------------------------------------------------- reads */

export interface EventsView {
  committee: { id: number; name: string };
  rows: repo.EventRow[];
  parts: Awaited<ReturnType<typeof repo.loadParts>>;
  conflicts: Map<number, { personId: number; personName: string; eventId: number; content: string; startsAt: string; endsAt: string }[]>;
}

/** The leader conflicts of each event: other events (visible to the reader) of the same leaders at an overlapping time. */
async function conflictsOf(db: Db, actor: Actor, rows: repo.EventRow[], leaders: Map<number, repo.LeaderRow[]>, publishedOnly: boolean): Promise<EventsView['conflicts']> {
  const out: EventsView['conflicts'] = new Map();
  const live = rows.filter((r) => !r.cancelled);
  const personIds = [...new Set(live.flatMap((r) => (leaders.get(r.id) ?? []).map((l) => l.id)))];
  if (live.length === 0 || personIds.length === 0) {
    return out;
  }
  const from = live.reduce((a, r) => (r.starts_at < a ? r.starts_at : a), live[0]!.starts_at);
  const to = live.reduce((a, r) => (r.ends_at > a ? r.ends_at : a), live[0]!.ends_at);
  const others = await repo.leaderOverlaps(db, personIds, from, to, await scopeOf(db, actor), publishedOnly);
  for (const r of live) {
    const mine = new Set((leaders.get(r.id) ?? []).map((l) => l.id));
    const list = others
      .filter((o) => o.eventId !== r.id && mine.has(o.personId) && overlaps({ startsAt: r.starts_at, endsAt: r.ends_at }, o))
      .map((o) => ({ ...o, startsAt: new Date(o.startsAt).toISOString(), endsAt: new Date(o.endsAt).toISOString() }));
    out.set(r.id, list);
  }
  return out;
}

async function viewOf(db: Db, actor: Actor, committee: { id: number; name: string }, rows: repo.EventRow[], publishedOnly: boolean): Promise<EventsView> {
  const parts = await repo.loadParts(db, rows.map((r) => r.id));
  return { committee, rows, parts, conflicts: await conflictsOf(db, actor, rows, parts.leaders, publishedOnly) };
}

/** One event with its conflicts (after a create or an edit: the manager's view, drafts included). */
export async function eventView(ctx: Ctx, actor: Actor, id: number): Promise<EventsView> {
  mustView(actor);
  const e = await loadInScope(ctx.db, actor, id);
  // Readers see an event only as part of its published week.
  if (!manages(actor) && (!(await isPublished(ctx.db, e.committee_id, e.iso_week)) || (e.cancelled && !e.changed_after_publish))) {
    throw E.notFound('schedule.event');
  }
  const committee = await ctx.db.selectFrom('committees').select(['id', 'name']).where('id', '=', e.committee_id).executeTakeFirstOrThrow();
  return viewOf(ctx.db, actor, committee, [e], !manages(actor));
}

export interface WeekView extends EventsView {
  week: string;
  startsOn: string;
  endsOn: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
  revision: number;
  draft: boolean;
}

/**
 * A week of a committee. The published week for readers (nothing while it is a draft); `draft` (the
 * working copy, every event) needs schedule.manage.
 */
export async function getWeek(ctx: Ctx, actor: Actor, week: string, q: { committeeId?: number; draft: 'true' | 'false' }): Promise<WeekView> {
  mustView(actor);
  const draft = q.draft === 'true';
  if (draft) {
    mustManage(actor);
  }
  const committee = await committeeFor(ctx.db, actor, q.committeeId);
  const range = weekRange(week);
  if (!range) {
    throw E.field('no_such_week', 'isoWeek', 'This year has no such ISO week');
  }
  const w = await repo.loadWeek(ctx.db, committee.id, week);
  const status = w?.status === 'published' ? 'published' : 'draft';
  const span = instantsOfDays(range.startsOn, range.endsOn);
  const rows = draft || status === 'published' ? await repo.eventsBetween(ctx.db, committee.id, span.from, span.to, !draft) : [];
  return {
    ...(await viewOf(ctx.db, actor, committee, rows, !draft)),
    week,
    ...range,
    status,
    publishedAt: w?.published_at ?? null,
    revision: w?.revision ?? 0,
    draft,
  };
}

export interface MonthView extends EventsView {
  month: string;
  startsOn: string;
  endsOn: string;
  weeks: { week: string; status: 'draft' | 'published'; revision: number }[];
}

/** The month view: the published events of the month (with `draft`, every event, for schedule.manage). */
export async function getMonth(ctx: Ctx, actor: Actor, month: string, q: { committeeId?: number; draft: 'true' | 'false' }): Promise<MonthView> {
  mustView(actor);
  const draft = q.draft === 'true';
  if (draft) {
    mustManage(actor);
  }
  const committee = await committeeFor(ctx.db, actor, q.committeeId);
  const range = monthRange(month);
  const span = instantsOfDays(range.startsOn, range.endsOn);
  const rows = await repo.eventsBetween(ctx.db, committee.id, span.from, span.to, !draft);
  const names = weeksOfDays(range.startsOn, range.endsOn);
  const weekRows = new Map((await repo.loadWeeks(ctx.db, committee.id, names)).map((w) => [w.iso_week, w]));
  return {
    ...(await viewOf(ctx.db, actor, committee, rows, !draft)),
    month,
    ...range,
    weeks: names.map((n) => {
      const w = weekRows.get(n);
      return { week: n, status: w?.status === 'published' ? 'published' : 'draft', revision: w?.revision ?? 0 };
    }),
  };
}

/* ---------------------------------------------------------------- resources */

export async function listResources(ctx: Ctx, actor: Actor, committeeId: number | undefined) {
  mustView(actor);
  const c = await committeeFor(ctx.db, actor, committeeId);
  return ctx.db.selectFrom('resources').selectAll().where('committee_id', '=', c.id).orderBy('kind').orderBy('name').orderBy('id').execute();
}

export async function createResource(ctx: Ctx, by: By, input: z.infer<typeof resourceInput>): Promise<number> {
  mustView(by.actor);
  const c = await committeeFor(ctx.db, by.actor, input.committeeId);
  mustManage(by.actor);
  return inTransaction(ctx, async (trx) => {
    const name = input.name.normalize('NFC');
    await ctx.dialect.lockKey(trx, `schedule.resources:${c.id}`);
    const same = await trx.selectFrom('resources').select('id').where('committee_id', '=', c.id).where('kind', '=', input.kind).where('name', '=', name).executeTakeFirst();
    if (same) {
      throw E.field('duplicate_resource_name', 'name', 'A room or car of this name already exists');
    }
    const r = await trx
      .insertInto('resources')
      .values({ committee_id: c.id, kind: input.kind, name, note: input.note.normalize('NFC'), active: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(audited(ctx, trx, by), { action: 'schedule.resource_created', entityType: 'resource', entityId: r.id, details: { committeeId: c.id, kind: input.kind, name } });
    return r.id;
  });
}
