/**
 * Meetings (issue 6 §3; spec §8): hội nghị BCH, BTV, Thường trực and giao ban — agenda items linked to
 * programme items, invitees and attendance, papers with their readers, minutes drafted from the agenda,
 * and conclusions turned into a "Thông báo kết luận" outgoing draft and into tasks.
 *
 * Who sees what (deny unless allowed; everyone else gets 404, like a missing meeting):
 * - the meeting page: its invitees, its organiser (created_by), and `schedule.manage` holders whose scope
 *   covers the meeting's committee; only those managers change it;
 * - a paper: the invitees (or, when restricted, the listed readers) whose clearance reaches the paper's
 *   secrecy, the paper's uploader, and the organiser within their clearance. A manager who is neither
 *   invited nor the organiser sees the meeting but not its papers. Reading a paper is audited.
 * - secret papers (spec §3): refused as files on networked profiles (422); on the isolated LAN stored
 *   encrypted (the upload is encrypted there); once networked, secret content already stored is not served.
 *
 * Every change is one transaction with its audit event; bad input writes nothing.
 */
import type { attendanceInput, meetingInput } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { createEventInTrx } from '../schedule/schedule.usecases.ts';
import { inServiceYears, toStoredInstant } from '../schedule/schedule.models.ts';
import { meetingErrors as E } from './meetings.errors.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
export type Db = Kysely<Database>;

export interface By {
  actor: Actor;
  audit: AuditContext;
}

export type MeetingInput = z.infer<typeof meetingInput>;
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

export const audited = (ctx: Ctx, trx: Trx, by: By) => ({
  trx,
  dialect: ctx.dialect,
  clock: ctx.clock,
  ctx: by.audit,
});

/* ---------------------------------------------------------------- who may */

const manages = (actor: Actor): boolean => actor.permissions.has('schedule.manage');
const inScope = (scope: number[] | null, committeeId: number) =>
  scope === null || scope.includes(committeeId);

/** Secret content is kept only on the isolated LAN (spec §3). */
export const maySecretFiles = (profile: string): boolean => profile === 'isolated-lan';

export function loadRow(db: Db, id: number) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface Access {
  meeting: MeetingRow;
  /** schedule.manage within the committee's scope: changes the meeting. */
  manage: boolean;
  invited: boolean;
  organiser: boolean;
}

/** The meeting as the actor may see it, or 404 (missing and invisible answer the same). */
export async function accessOf(db: Db, actor: Actor, id: number): Promise<Access> {
  const meeting = await loadRow(db, id);
  if (!meeting) {
    throw E.notFound();
  }
  const manage = manages(actor) && inScope(await scopeCommitteeIds(db, actor), meeting.committee_id);
  const invited = !!(await db
    .selectFrom('meeting_invitees')
    .select('user_id')
    .where('meeting_id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst());
  const organiser = meeting.created_by !== null && meeting.created_by === actor.userId;
  if (!manage && !invited && !organiser) {
    throw E.notFound();
  }
  return { meeting, manage, invited, organiser };
}

/** The meeting, for a change: visible (404) and managed by the actor (403). */
export async function forChange(db: Db, actor: Actor, id: number): Promise<MeetingRow> {
  const a = await accessOf(db, actor, id);
  if (!a.manage) {
    throw E.forbidden();
  }
  return a.meeting;
}

/** Locks the meeting's row until the transaction ends (PostgreSQL; SQLite has one writer) and reads it. */
export async function lockMeeting(ctx: Ctx, trx: Trx, id: number): Promise<MeetingRow> {
  const m = await ctx.dialect
    .forUpdate(trx.selectFrom('meetings').selectAll().where('id', '=', id))
    .executeTakeFirst();
  if (!m) {
    throw E.notFound();
  }
  return m;
}

export function meetingAbilities(a: Access): Record<string, boolean> {
  const planned = a.meeting.status === 'planned';
  return {
    recordAttendance: a.manage,
    addPaper: a.manage,
    editMinutes: a.manage,
    markHeld: a.manage && planned,
    draftConclusionDocument:
      a.manage &&
      !planned &&
      a.meeting.conclusion_outgoing_id === null &&
      a.meeting.conclusions.trim() !== '',
    createTasks: a.manage && !planned,
  };
}

/* ---------------------------------------------------------------- list */

/** The meetings the actor may see (same rule as the page), newest first. */
export async function listMeetings(
  db: Db,
  actor: Actor,
  q: { committeeId?: number; status?: string },
): Promise<MeetingRow[]> {
  const scope = manages(actor) ? await scopeCommitteeIds(db, actor) : [];
  let query = db.selectFrom('meetings').selectAll();
  if (scope !== null) {
    // A manager of every committee (scope null) sees them all; others: invited, organised, or in scope.
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('meeting_invitees as mi')
            .select('mi.user_id')
            .whereRef('mi.meeting_id', '=', 'meetings.id')
            .where('mi.user_id', '=', actor.userId),
        ),
        eb('meetings.created_by', '=', actor.userId),
        ...(scope.length > 0 ? [eb('meetings.committee_id', 'in', scope)] : []),
      ]),
    );
  }
  if (q.committeeId !== undefined) {
    query = query.where('committee_id', '=', q.committeeId);
  }
  if (q.status !== undefined) {
    query = query.where('status', '=', q.status);
  }
  return query.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/* ---------------------------------------------------------------- create */

async function checkPeople(db: Db, input: MeetingInput): Promise<void> {
  const chair = await db
    .selectFrom('people')
    .select(['id', 'active'])
    .where('id', '=', input.chairPersonId)
    .executeTakeFirst();
  if (!chair) {
    throw E.field('unknown_chair', 'chairPersonId', 'No such person in the directory');
  }
  if (!chair.active) {
    throw E.field('inactive_chair', 'chairPersonId', 'This person is no longer active');
  }
  await checkUsers(db, input.inviteeUserIds, 'inviteeUserIds');
}

export async function checkUsers(db: Db, ids: number[], path: string): Promise<void> {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw E.field('duplicate_user', `${path}.${i}`, 'The same person is named twice');
    }
    seen.add(id);
  });
  if (ids.length === 0) {
    return;
  }
  const found = new Map(
    (await db.selectFrom('users').select(['id', 'disabled']).where('id', 'in', ids).execute()).map((u) => [
      u.id,
      u.disabled,
    ]),
  );
  ids.forEach((id, i) => {
    if (!found.has(id)) {
      throw E.field('unknown_user', `${path}.${i}`, 'No such user account');
    }
    if (found.get(id) === 1) {
      throw E.field('disabled_user', `${path}.${i}`, 'This account is disabled');
    }
  });
}

/** Agenda items may present programme items of the meeting's own committee (not dropped ones). */
async function checkAgenda(db: Db, committeeId: number, agenda: MeetingInput['agenda']): Promise<void> {
  const ids = agenda.flatMap((a) => (a.programmeItemId === null ? [] : [a.programmeItemId]));
  if (ids.length === 0) {
    return;
  }
  const rows = await db
    .selectFrom('programme_items as i')
    .innerJoin('programmes as p', 'p.id', 'i.programme_id')
    .select(['i.id', 'i.status', 'p.committee_id'])
    .where('i.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<number>();
  agenda.forEach((a, i) => {
    if (a.programmeItemId === null) {
      return;
    }
    const r = byId.get(a.programmeItemId);
    const path = `agenda.${i}.programmeItemId`;
    if (!r || r.committee_id !== committeeId) {
      throw E.field('unknown_programme_item', path, 'No such programme item of this committee');
    }
    if (r.status === 'dropped') {
      throw E.field('dropped_programme_item', path, 'This programme item was dropped');
    }
    if (seen.has(r.id)) {
      throw E.field('duplicate_programme_item', path, 'The same programme item is on the agenda twice');
    }
    seen.add(r.id);
  });
}

export interface CreateOptions {
  /** Seed: link this existing schedule event instead of creating one. */
  linkEventId?: number;
}

/**
 * Creates a meeting with its agenda and invitees and puts it on the weekly schedule (an event with the
 * chair as leader and the rooms/cars booked, through the schedule module in the same transaction: a room
 * already taken refuses the whole meeting, 409).
 */
export async function createMeeting(
  ctx: Ctx,
  by: By,
  input: MeetingInput,
  opts: CreateOptions = {},
): Promise<number> {
  const { actor } = by;
  if (!manages(actor)) {
    throw E.forbidden();
  }
  const scope = await scopeCommitteeIds(ctx.db, actor);
  if (
    !inScope(scope, input.committeeId) ||
    !(await ctx.db
      .selectFrom('committees')
      .select('id')
      .where('id', '=', input.committeeId)
      .executeTakeFirst())
  ) {
    throw E.field('unknown_committee', 'committeeId', 'No such committee in your scope');
  }
  const startsAt = toStoredInstant(input.startsAt);
  const endsAt = toStoredInstant(input.endsAt);
  for (const [path, v] of [
    ['startsAt', startsAt],
    ['endsAt', endsAt],
  ] as const) {
    if (!inServiceYears(v)) {
      throw E.field('out_of_range', path, 'The year must be between 2000 and 2999');
    }
  }
  if (endsAt <= startsAt) {
    throw E.endsBeforeStart();
  }
  if (Date.parse(endsAt) - Date.parse(startsAt) > 14 * 86_400_000) {
    throw E.field('too_long', 'endsAt', 'A meeting lasts at most 14 days');
  }
  await checkPeople(ctx.db, input);
  await checkAgenda(ctx.db, input.committeeId, input.agenda);
  return inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString();
    const title = input.title.normalize('NFC');
    const place = input.place.normalize('NFC');
    const row = await trx
      .insertInto('meetings')
      .values({
        committee_id: input.committeeId,
        kind: input.kind,
        title,
        starts_at: startsAt,
        ends_at: endsAt,
        place,
        chair_person_id: input.chairPersonId,
        event_id: null,
        status: 'planned',
        minutes: '',
        conclusions: '',
        conclusion_outgoing_id: null,
        created_by: actor.userId,
        created_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = row.id;
    if (input.agenda.length > 0) {
      await trx
        .insertInto('meeting_agenda')
        .values(
          input.agenda.map((a, i) => ({
            meeting_id: id,
            ordinal: i + 1,
            content: a.content.normalize('NFC'),
            programme_item_id: a.programmeItemId,
            presenter: a.presenter.normalize('NFC'),
          })),
        )
        .execute();
      const itemIds = input.agenda.flatMap((a) => (a.programmeItemId === null ? [] : [a.programmeItemId]));
      if (itemIds.length > 0) {
        await trx.updateTable('programme_items').set({ meeting_id: id }).where('id', 'in', itemIds).execute();
      }
    }
    if (input.inviteeUserIds.length > 0) {
      await trx
        .insertInto('meeting_invitees')
        .values(
          input.inviteeUserIds.map((u) => ({
            meeting_id: id,
            user_id: u,
            attended: null,
            absence_reason: '',
          })),
        )
        .execute();
    }
    let eventId: number;
    if (opts.linkEventId !== undefined) {
      eventId = opts.linkEventId;
      await trx.updateTable('schedule_events').set({ meeting_id: id }).where('id', '=', eventId).execute();
    } else {
      eventId = await createEventInTrx(ctx, trx, by, {
        committeeId: input.committeeId,
        startsAt,
        endsAt,
        content: title,
        place,
        leaderIds: [input.chairPersonId],
        preparingBody: null,
        participants: '',
        notes: '',
        resourceIds: input.resourceIds,
        meetingId: id,
      });
    }
    await trx.updateTable('meetings').set({ event_id: eventId }).where('id', '=', id).execute();
    await recordAudit(audited(ctx, trx, by), {
      action: 'meetings.created',
      entityType: 'meeting',
      entityId: id,
      details: {
        committeeId: input.committeeId,
        kind: input.kind,
        startsAt,
        endsAt,
        chairPersonId: input.chairPersonId,
        eventId,
        agenda: input.agenda.length,
        programmeItemIds: input.agenda.flatMap((a) =>
          a.programmeItemId === null ? [] : [a.programmeItemId],
        ),
        inviteeUserIds: input.inviteeUserIds,
      },
    });
    return id;
  });
}

/* ---------------------------------------------------------------- attendance */

/** Who attended; an absence needs its reason. Only invitees are recorded (400 naming `items.N.userId`). */
export async function recordAttendance(
  ctx: Ctx,
  by: By,
  id: number,
  input: z.infer<typeof attendanceInput>,
): Promise<void> {
  await forChange(ctx.db, by.actor, id);
  const seen = new Set<number>();
  input.items.forEach((it, i) => {
    if (seen.has(it.userId)) {
      throw E.field('duplicate_user', `items.${i}.userId`, 'The same person is named twice');
    }
    seen.add(it.userId);
    if (!it.attended && it.absenceReason.trim() === '') {
      throw E.field('absence_reason_required', `items.${i}.absenceReason`, 'Give the reason of the absence');
    }
    if (it.attended && it.absenceReason.trim() !== '') {
      throw E.field('reason_without_absence', `items.${i}.absenceReason`, 'A reason goes with an absence');
    }
  });
  await inTransaction(ctx, async (trx) => {
    const m = await lockMeeting(ctx, trx, id);
    const invited = new Set(
      (await trx.selectFrom('meeting_invitees').select('user_id').where('meeting_id', '=', id).execute()).map(
        (r) => r.user_id,
      ),
    );
    input.items.forEach((it, i) => {
      if (!invited.has(it.userId)) {
        throw E.field('not_invited', `items.${i}.userId`, 'This person is not invited to the meeting');
      }
    });
    for (const it of input.items) {
      await trx
        .updateTable('meeting_invitees')
        .set({
          attended: it.attended ? 1 : 0,
          absence_reason: it.attended ? '' : it.absenceReason.normalize('NFC'),
        })
        .where('meeting_id', '=', id)
        .where('user_id', '=', it.userId)
        .execute();
    }
    await recordAudit(audited(ctx, trx, by), {
      action: 'meetings.attendance_recorded',
      entityType: 'meeting',
      entityId: m.id,
      details: {
        items: input.items.map((it) => ({
          userId: it.userId,
          attended: it.attended,
          absenceReason: it.absenceReason,
        })),
      },
    });
  });
}
