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
import type { attendanceInput, meetingInput, minutesInput, paperInput, TaskInput } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { clearanceRank, type Actor } from '../auth/auth.models.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { mayChangeStatus } from '../programmes/programmes.models.ts';
import { createEventInTrx } from '../schedule/schedule.usecases.ts';
import { inServiceYears, shownDate, toStoredInstant, vnDay, vnTime } from '../schedule/schedule.models.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { PROGRESS_FILE_TYPES } from '../tasks/tasks.progress.ts';
import { meetingErrors as E } from './meetings.errors.ts';
import { bodyName } from './meetings.models.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
type Db = Kysely<Database>;

export interface By {
  actor: Actor;
  audit: AuditContext;
}

export type MeetingInput = z.infer<typeof meetingInput>;
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

const audited = (ctx: Ctx, trx: Trx, by: By) => ({
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

function loadRow(db: Db, id: number) {
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
async function forChange(db: Db, actor: Actor, id: number): Promise<MeetingRow> {
  const a = await accessOf(db, actor, id);
  if (!a.manage) {
    throw E.forbidden();
  }
  return a.meeting;
}

/** Locks the meeting's row until the transaction ends (PostgreSQL; SQLite has one writer) and reads it. */
async function lockMeeting(ctx: Ctx, trx: Trx, id: number): Promise<MeetingRow> {
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

async function checkUsers(db: Db, ids: number[], path: string): Promise<void> {
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
  for (const [path, v] of [['startsAt', startsAt], ['endsAt', endsAt]] as const) {
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

/* ---------------------------------------------------------------- papers */

/**
 * Attaches a file the actor uploaded (POST /api/files) as a paper. Secrecy at most the actor's clearance;
 * secret papers only on the isolated LAN, where the upload is encrypted (422 elsewhere); restricted
 * readers must be invitees.
 */
export async function addPaper(
  ctx: Ctx,
  by: By,
  id: number,
  input: z.infer<typeof paperInput>,
): Promise<number> {
  const { actor } = by;
  await forChange(ctx.db, actor, id);
  if (clearanceRank(input.secrecy) > clearanceRank(actor.clearance)) {
    throw E.field('secrecy_above_clearance', 'secrecy', 'You may not attach a paper above your clearance');
  }
  const settings = await getSettings(ctx.db);
  if (input.secrecy !== 'none' && !maySecretFiles(settings.deploymentProfile)) {
    throw E.secretFileRefused();
  }
  if (input.readerUserIds !== null) {
    await checkUsers(ctx.db, input.readerUserIds, 'readerUserIds');
    if (input.readerUserIds.length === 0) {
      throw E.field(
        'no_readers',
        'readerUserIds',
        'Name at least one reader, or none to let every invitee read it',
      );
    }
  }
  return inTransaction(ctx, async (trx) => {
    await lockMeeting(ctx, trx, id);
    // Two requests racing for the same upload: one waits for the other's commit, then finds it taken.
    await ctx.dialect.lockKey(trx, `meetings.file:${input.fileId}`);
    const f = await trx
      .selectFrom('files')
      .select(['id', 'created_by', 'content_type', 'encryption'])
      .where('id', '=', input.fileId)
      .executeTakeFirst();
    if (!f || f.created_by !== actor.userId) {
      throw E.field('unknown_file', 'fileId', 'No such uploaded file');
    }
    if (await fileTaken(trx, input.fileId)) {
      throw E.field('file_already_attached', 'fileId', 'This file is attached elsewhere; upload it again');
    }
    if (!PROGRESS_FILE_TYPES.has(f.content_type)) {
      throw E.field('file_type', 'fileId', 'Papers are PDF, Word, Excel documents or images');
    }
    if (input.secrecy !== 'none' && f.encryption === null) {
      throw E.field('file_not_encrypted', 'fileId', 'Secret content must be stored encrypted');
    }
    if (input.readerUserIds !== null) {
      const invited = new Set(
        (
          await trx.selectFrom('meeting_invitees').select('user_id').where('meeting_id', '=', id).execute()
        ).map((r) => r.user_id),
      );
      input.readerUserIds.forEach((u, i) => {
        if (!invited.has(u)) {
          throw E.field('reader_not_invited', `readerUserIds.${i}`, 'Readers are chosen among the invitees');
        }
      });
    }
    const row = await trx
      .insertInto('meeting_papers')
      .values({
        meeting_id: id,
        file_id: input.fileId,
        title: input.title.normalize('NFC'),
        secrecy: input.secrecy,
        restricted: input.readerUserIds === null ? 0 : 1,
        created_by: actor.userId,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.readerUserIds !== null && input.readerUserIds.length > 0) {
      await trx
        .insertInto('meeting_paper_readers')
        .values(input.readerUserIds.map((u) => ({ paper_id: row.id, user_id: u })))
        .execute();
    }
    await recordAudit(audited(ctx, trx, by), {
      action: 'meetings.paper_added',
      entityType: 'meeting',
      entityId: id,
      details: {
        paperId: row.id,
        fileId: input.fileId,
        secrecy: input.secrecy,
        readerUserIds: input.readerUserIds,
      },
    });
    return row.id;
  });
}

/** A file belongs to one record: attached again, it would be served under another record's rules. */
async function fileTaken(db: Db, fileId: number): Promise<boolean> {
  const one = async (q: Promise<unknown>) => (await q) !== undefined;
  return (
    (await one(
      db.selectFrom('meeting_papers').select('id').where('file_id', '=', fileId).executeTakeFirst(),
    )) ||
    (await one(
      db.selectFrom('task_progress_files').select('file_id').where('file_id', '=', fileId).executeTakeFirst(),
    )) ||
    (await one(
      db
        .selectFrom('incoming_attachments')
        .select('file_id')
        .where('file_id', '=', fileId)
        .executeTakeFirst(),
    )) ||
    (await one(
      db.selectFrom('outgoing_versions').select('file_id').where('file_id', '=', fileId).executeTakeFirst(),
    )) ||
    (await one(
      db
        .selectFrom('outgoing_documents')
        .select('id')
        .where((eb) => eb.or([eb('docx_file_id', '=', fileId), eb('pdf_file_id', '=', fileId)]))
        .executeTakeFirst(),
    ))
  );
}

export type PaperRow = Awaited<ReturnType<typeof papersOf>>[number];

export function papersOf(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_papers as p')
    .innerJoin('files as f', 'f.id', 'p.file_id')
    .select(['p.id', 'p.file_id', 'p.title', 'p.secrecy', 'p.restricted', 'p.created_by', 'f.original_name'])
    .where('p.meeting_id', '=', meetingId)
    .orderBy('p.id')
    .execute();
}

/**
 * Whether the actor reads this paper: the uploader; the organiser and the invitees (or only the listed
 * readers of a restricted paper) within their clearance; secret content only while on the isolated LAN.
 */
export function mayReadPaper(
  actor: Actor,
  m: Pick<MeetingRow, 'created_by'>,
  p: { secrecy: string; restricted: number; created_by: number | null },
  facts: { invited: boolean; listedReader: boolean; profile: string },
): boolean {
  if (p.secrecy !== 'none' && !maySecretFiles(facts.profile)) {
    return false;
  }
  if (p.created_by !== null && p.created_by === actor.userId) {
    return true;
  }
  if (clearanceRank(actor.clearance) < clearanceRank(p.secrecy as Actor['clearance'])) {
    return false;
  }
  if (m.created_by !== null && m.created_by === actor.userId) {
    return true;
  }
  return facts.invited && (p.restricted === 0 || facts.listedReader);
}

/** The papers of a meeting the actor may read. */
export async function readablePapers(db: Db, actor: Actor, a: Access): Promise<PaperRow[]> {
  const papers = await papersOf(db, a.meeting.id);
  if (papers.length === 0) {
    return [];
  }
  const profile = (await getSettings(db)).deploymentProfile;
  const listed = new Set(
    (
      await db
        .selectFrom('meeting_paper_readers')
        .select('paper_id')
        .where('user_id', '=', actor.userId)
        .where(
          'paper_id',
          'in',
          papers.map((p) => p.id),
        )
        .execute()
    ).map((r) => r.paper_id),
  );
  return papers.filter((p) =>
    mayReadPaper(actor, a.meeting, p, { invited: a.invited, listedReader: listed.has(p.id), profile }),
  );
}

/** The file of a paper the actor may read (404 otherwise, for the meeting as for the paper); the read is audited. */
export async function readPaper(ctx: Ctx, by: By, id: number, paperId: number): Promise<{ fileId: number }> {
  const { actor } = by;
  const meeting = await loadRow(ctx.db, id);
  const paper = meeting
    ? await ctx.db
        .selectFrom('meeting_papers')
        .selectAll()
        .where('id', '=', paperId)
        .where('meeting_id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!meeting || !paper) {
    throw E.notFound('meeting_paper');
  }
  const invited = !!(await ctx.db
    .selectFrom('meeting_invitees')
    .select('user_id')
    .where('meeting_id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst());
  const listedReader = !!(await ctx.db
    .selectFrom('meeting_paper_readers')
    .select('user_id')
    .where('paper_id', '=', paperId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst());
  const profile = (await getSettings(ctx.db)).deploymentProfile;
  if (!mayReadPaper(actor, meeting, paper, { invited, listedReader, profile })) {
    throw E.notFound('meeting_paper');
  }
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), {
      action: 'meetings.paper_read',
      entityType: 'meeting',
      entityId: id,
      details: { paperId, fileId: paper.file_id, secrecy: paper.secrecy },
    }),
  );
  return { fileId: paper.file_id };
}

/* ---------------------------------------------------------------- minutes */

export interface Invitee {
  userId: number;
  name: string;
  position: string | null;
  attended: boolean | null;
  absenceReason: string;
}

export async function inviteesOf(db: Db, meetingId: number): Promise<Invitee[]> {
  const rows = await db
    .selectFrom('meeting_invitees as mi')
    .innerJoin('users as u', 'u.id', 'mi.user_id')
    .leftJoin('people as pe', 'pe.id', 'u.person_id')
    .leftJoin('positions as po', 'po.id', 'pe.position_id')
    .select([
      'mi.user_id',
      'u.display_name',
      'pe.full_name',
      'po.name as position',
      'mi.attended',
      'mi.absence_reason',
    ])
    .where('mi.meeting_id', '=', meetingId)
    .orderBy('mi.user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.full_name ?? r.display_name,
    position: r.position,
    attended: r.attended === null ? null : r.attended === 1,
    absenceReason: r.absence_reason,
  }));
}

export const agendaOf = (db: Db, meetingId: number) =>
  db
    .selectFrom('meeting_agenda')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('ordinal')
    .execute();

export async function chairOf(
  db: Db,
  personId: number,
): Promise<{ id: number; name: string; position: string | null }> {
  const p = await db
    .selectFrom('people as pe')
    .leftJoin('positions as po', 'po.id', 'pe.position_id')
    .select(['pe.id', 'pe.full_name', 'po.name as position'])
    .where('pe.id', '=', personId)
    .executeTakeFirstOrThrow();
  return { id: p.id, name: p.full_name, position: p.position };
}

const hours = (instant: string) => {
  const [h, m] = vnTime(instant).split(':');
  return `${h} giờ ${m}`;
};
const withPosition = (name: string, position: string | null) =>
  position ? `đồng chí ${name}, ${position}` : `đồng chí ${name}`;

/**
 * The minutes (biên bản) drafted from the agenda: heading, time, place, chair, attendance and absences
 * with reasons, one section per agenda item, closing and signatures. Nothing is stored: the page edits
 * the draft and saves it with PUT /minutes.
 */
export async function draftMinutes(db: Db, actor: Actor, id: number): Promise<string> {
  const a = await accessOf(db, actor, id);
  if (!a.manage) {
    throw E.forbidden();
  }
  const m = a.meeting;
  const committee = await db
    .selectFrom('committees')
    .select(['name'])
    .where('id', '=', m.committee_id)
    .executeTakeFirstOrThrow();
  const chair = await chairOf(db, m.chair_person_id);
  const invitees = await inviteesOf(db, id);
  const agenda = await agendaOf(db, id);
  const day = vnDay(m.starts_at);
  const present = invitees.filter((i) => i.attended === true);
  const absent = invitees.filter((i) => i.attended === false);
  const unknown = invitees.filter((i) => i.attended === null);
  const lines = [
    `BIÊN BẢN HỘI NGHỊ ${bodyName(m.kind, committee.name).toLocaleUpperCase('vi')}`.normalize('NFC'),
    m.title,
    '',
    `Thời gian: ${hours(m.starts_at)}, ${day.weekday.toLocaleLowerCase('vi')}, ngày ${day.date}.`,
    `Địa điểm: ${m.place || '…'}.`,
    `Chủ trì: ${withPosition(chair.name, chair.position)}.`,
    `Thành phần: ${invitees.length} đồng chí được triệu tập; có mặt ${present.length} đồng chí${unknown.length > 0 ? `, chưa điểm danh ${unknown.length} đồng chí` : ''}.`,
    ...(present.length > 0
      ? ['Có mặt:', ...present.map((i) => `- ${withPosition(i.name, i.position)};`)]
      : []),
    ...(absent.length > 0
      ? [
          'Vắng mặt:',
          ...absent.map((i) => `- ${withPosition(i.name, i.position)} (lý do: ${i.absenceReason});`),
        ]
      : ['Vắng mặt: không.']),
    ...(unknown.length > 0
      ? ['Chưa điểm danh:', ...unknown.map((i) => `- ${withPosition(i.name, i.position)};`)]
      : []),
    'Thư ký hội nghị: …',
    '',
    'NỘI DUNG HỘI NGHỊ',
    ...agenda.flatMap((item) => [
      '',
      `${item.ordinal}. ${item.content}`,
      ...(item.presenter ? [`Trình bày: ${item.presenter}.`] : []),
      'Ý kiến thảo luận: …',
      'Kết luận của chủ trì: …',
    ]),
    '',
    `Hội nghị kết thúc lúc ${hours(m.ends_at)} cùng ngày.`,
    '',
    'THƯ KÝ HỘI NGHỊ\t\tCHỦ TRÌ HỘI NGHỊ',
    `\t\t${chair.name}`,
  ];
  return lines.join('\n').normalize('NFC');
}

/** Saves the minutes and conclusions (version check: a stale version answers 409). */
export async function saveMinutes(
  ctx: Ctx,
  by: By,
  id: number,
  input: z.infer<typeof minutesInput>,
): Promise<void> {
  await forChange(ctx.db, by.actor, id);
  await inTransaction(ctx, async (trx) => {
    const m = await lockMeeting(ctx, trx, id);
    if (m.version !== input.version) {
      throw E.versionConflict();
    }
    const minutes = input.minutes.normalize('NFC');
    const conclusions = input.conclusions.normalize('NFC');
    await trx
      .updateTable('meetings')
      .set({ minutes, conclusions, version: m.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(audited(ctx, trx, by), {
      action: 'meetings.minutes_saved',
      entityType: 'meeting',
      entityId: id,
      details: {
        version: m.version + 1,
        minutesChars: minutes.length,
        conclusionsChars: conclusions.length,
        conclusionsChanged: conclusions !== m.conclusions,
      },
    });
  });
}

/* ---------------------------------------------------------------- held */

const OPEN = new Set(['planned', 'prepared']);

/**
 * The meeting was held: its status becomes 'held' and the programme items on its agenda 'presented'
 * (with their history rows; the item each was taken from follows, as when the programme is edited).
 * Items already presented, postponed or dropped are left as they are (reported in the audit event).
 */
export async function markHeld(
  ctx: Ctx,
  by: By,
  id: number,
  input: { version?: number },
): Promise<{ presented: number[] }> {
  await forChange(ctx.db, by.actor, id);
  return inTransaction(ctx, async (trx) => {
    const m = await lockMeeting(ctx, trx, id);
    if (input.version !== undefined && m.version !== input.version) {
      throw E.versionConflict();
    }
    if (m.status !== 'planned') {
      throw E.invalidState('mark the meeting held', m.status);
    }
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('meetings')
      .set({ status: 'held', version: m.version + 1 })
      .where('id', '=', id)
      .execute();
    const agenda = await agendaOf(trx, id);
    const presented: number[] = [];
    const skipped: { itemId: number; status: string }[] = [];
    const shown = shownDate(vnDay(m.starts_at).ymd);
    const event = async (itemId: number, action: string, details: Record<string, unknown>) =>
      trx
        .insertInto('programme_item_events')
        .values({
          item_id: itemId,
          at: now,
          actor_id: by.actor.userId,
          action,
          details: JSON.stringify(details),
        })
        .execute();
    for (const a of agenda) {
      if (a.programme_item_id === null) {
        continue;
      }
      const item = await ctx.dialect
        .forUpdate(trx.selectFrom('programme_items').selectAll().where('id', '=', a.programme_item_id))
        .executeTakeFirst();
      if (!item || !mayChangeStatus(item.status as 'planned', 'presented') || !OPEN.has(item.status)) {
        skipped.push({ itemId: a.programme_item_id, status: item?.status ?? 'missing' });
        continue;
      }
      const reason = `Hội nghị ngày ${shown}`;
      await trx
        .updateTable('programme_items')
        .set({
          status: 'presented',
          status_reason: reason,
          meeting_id: id,
          version: item.version + 1,
          updated_at: now,
        })
        .where('id', '=', item.id)
        .execute();
      await event(item.id, 'status', { from: item.status, to: 'presented', reason, meetingId: id });
      presented.push(item.id);
      // The item it was taken from (a month's copy of a year item) is presented along.
      let fromId = item.from_item_id;
      for (let guard = 0; fromId !== null && guard < 5; guard++) {
        const src = await ctx.dialect
          .forUpdate(trx.selectFrom('programme_items').selectAll().where('id', '=', fromId))
          .executeTakeFirst();
        if (!src || !OPEN.has(src.status)) {
          break;
        }
        await trx
          .updateTable('programme_items')
          .set({ status: 'presented', status_reason: '', version: src.version + 1, updated_at: now })
          .where('id', '=', src.id)
          .execute();
        const p = await trx
          .selectFrom('programmes')
          .select(['id', 'title'])
          .where('id', '=', item.programme_id)
          .executeTakeFirstOrThrow();
        await event(src.id, 'status_from_copy', {
          from: src.status,
          to: 'presented',
          itemId: item.id,
          programmeId: p.id,
          programmeTitle: p.title,
          meetingId: id,
        });
        fromId = src.from_item_id;
      }
      await recordAudit(audited(ctx, trx, by), {
        action: 'programmes.item_status',
        entityType: 'programme_item',
        entityId: item.id,
        details: {
          programmeId: item.programme_id,
          status: { from: item.status, to: 'presented', reason, meetingId: id },
        },
      });
    }
    await recordAudit(audited(ctx, trx, by), {
      action: 'meetings.held',
      entityType: 'meeting',
      entityId: id,
      details: { presented, skipped },
    });
    return { presented };
  });
}

/* ---------------------------------------------------------------- conclusions */

/** "Hội nghị Ban Thường vụ Tỉnh ủy Hồng Lam ngày 27/11/2026" — the source reference of the tasks. */
export async function referenceOf(db: Db, m: MeetingRow): Promise<string> {
  const committee = await db
    .selectFrom('committees')
    .select('name')
    .where('id', '=', m.committee_id)
    .executeTakeFirstOrThrow();
  const body = m.kind === 'giao_ban' ? `giao ban ${committee.name}` : bodyName(m.kind, committee.name);
  return `Hội nghị ${body} ngày ${shownDate(vnDay(m.starts_at).ymd)}`;
}

function mustBeHeld(m: MeetingRow, action: string) {
  if (m.status === 'planned') {
    throw E.invalidState(action, m.status);
  }
}

/**
 * A "Thông báo kết luận" outgoing draft from the conclusions, through the outgoing module's own use case
 * (issued by the committee; its type "Thông báo"); the meeting keeps the draft's id. Drafted on behalf of
 * the office manager who asks, as the task module's urging letter is. Once per meeting (409 after).
 */
export async function draftConclusionDocument(
  ctx: Ctx & Pick<AppContext, 'config'>,
  by: By,
  id: number,
): Promise<number> {
  const { actor } = by;
  const m = await forChange(ctx.db, actor, id);
  mustBeHeld(m, 'draft the conclusion notice');
  if (m.conclusion_outgoing_id !== null) {
    throw E.invalidState('draft the conclusion notice again', 'already drafted');
  }
  if (m.conclusions.trim() === '') {
    throw E.unprocessable('no_conclusions', 'conclusions', 'Write the conclusions first (PUT /minutes)');
  }
  const committee = await ctx.db
    .selectFrom('committees')
    .select(['id', 'name', 'numbering_rule'])
    .where('id', '=', m.committee_id)
    .executeTakeFirstOrThrow();
  const family = committee.numbering_rule === 'state_year' ? 'state' : 'party';
  const type = await ctx.db
    .selectFrom('document_types')
    .select('id')
    .where('name', '=', 'Thông báo')
    .where('family', '=', family)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!type) {
    throw E.unprocessable('no_notice_type', 'documentTypeId', 'The catalogue has no active "Thông báo" type');
  }
  const chair = await chairOf(ctx.db, m.chair_person_id);
  const day = shownDate(vnDay(m.starts_at).ymd);
  const body = bodyName(m.kind, committee.name);
  const agenda = await agendaOf(ctx.db, id);
  const text = [
    `Ngày ${day}, ${m.kind === 'giao_ban' ? `${committee.name} họp giao ban` : `${body} họp`}${m.place ? ` tại ${m.place}` : ''}, dưới sự chủ trì của ${withPosition(chair.name, chair.position)}${agenda.length > 0 ? `, cho ý kiến về: ${agenda.map((a) => a.content).join('; ')}` : ''}.`,
    `Sau khi thảo luận, ${m.kind === 'giao_ban' ? 'hội nghị' : body} kết luận như sau:`,
    m.conclusions,
  ]
    .join('\n')
    .normalize('NFC');
  // The outgoing draft use case checks `outgoing.draft`, which preparing the meeting implies for this notice.
  const drafter: Actor = { ...actor, permissions: new Set([...actor.permissions, 'outgoing.draft']) };
  const { createDraft } = await import('../outgoing/outgoing.drafts.ts');
  const { id: outgoingId } = await createDraft(
    ctx,
    { actor: drafter, audit: by.audit },
    {
      issuerCommitteeId: committee.id,
      issuerAgencyId: null,
      documentTypeId: type.id,
      draftingAgencyId: actor.scopeAgencyId,
      secrecy: 'none',
      urgency: 'normal',
      copies: 1,
      congress: false,
      recipients: [],
      content: {
        summary: `Kết luận của ${body} tại hội nghị ngày ${day}`.slice(0, 500),
        body: text,
        addressees: [],
        extraRecipientLines: [],
      },
      paperLocation: '',
    },
    async (trx, outgoingId) => {
      const locked = await lockMeeting(ctx, trx, id);
      if (locked.conclusion_outgoing_id !== null) {
        // Two requests at once: the second finds the first's draft and writes nothing.
        throw E.invalidState('draft the conclusion notice again', 'already drafted');
      }
      await trx
        .updateTable('meetings')
        .set({ conclusion_outgoing_id: outgoingId, version: locked.version + 1 })
        .where('id', '=', id)
        .execute();
      await recordAudit(audited(ctx, trx, by), {
        action: 'meetings.conclusions_drafted',
        entityType: 'meeting',
        entityId: id,
        details: { outgoingId },
      });
    },
  );
  return outgoingId;
}

/**
 * Tasks from the reviewed conclusions, through the task module's batch use case (all or none): source
 * 'meeting' with the meeting's reference (a meeting source names no outgoing document, the task module's
 * rule), linked in meeting_tasks in the same transaction.
 */
export async function createConclusionTasks(
  ctx: Ctx,
  by: By,
  id: number,
  items: TaskInput[],
): Promise<number[]> {
  const m = await forChange(ctx.db, by.actor, id);
  mustBeHeld(m, 'create tasks from the conclusions');
  const reference = await referenceOf(ctx.db, m);
  const sourced = items.map((it) => ({
    ...it,
    source: {
      kind: 'meeting' as const,
      outgoingId: null,
      incomingId: null,
      reference,
      paragraph: it.source.paragraph,
    },
  }));
  const { createBatch } = await import('../tasks/tasks.usecases.ts');
  return createBatch(ctx, by, sourced, async (trx, ids) => {
    await lockMeeting(ctx, trx, id);
    await trx
      .insertInto('meeting_tasks')
      .values(ids.map((taskId) => ({ meeting_id: id, task_id: taskId })))
      .execute();
    await recordAudit(audited(ctx, trx, by), {
      action: 'meetings.tasks_created',
      entityType: 'meeting',
      entityId: id,
      details: { taskIds: ids, reference },
    });
  });
}

export const taskIdsOf = async (db: Db, meetingId: number): Promise<number[]> =>
  (
    await db
      .selectFrom('meeting_tasks')
      .select('task_id')
      .where('meeting_id', '=', meetingId)
      .orderBy('task_id')
      .execute()
  ).map((r) => r.task_id);
