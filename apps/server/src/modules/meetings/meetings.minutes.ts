/**
 * Meeting minutes: invitees, agenda and chair for the draft, drafting and saving the minutes, and
 * marking the meeting held.
 */
import type { minutesInput } from '@vanphong/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';
import { mayChangeStatus } from '../programmes/programmes.models.ts';
import { shownDate, vnDay, vnTime } from '../schedule/schedule.models.ts';
import { meetingErrors as E } from './meetings.errors.ts';
import { bodyName } from './meetings.models.ts';
import {
  accessOf,
  audited,
  type By,
  type Ctx,
  type Db,
  forChange,
  lockMeeting,
} from './meetings.usecases.ts';

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
export const withPosition = (name: string, position: string | null) =>
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
