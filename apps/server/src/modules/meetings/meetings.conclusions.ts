/**
 * Meeting conclusions: the "Thông báo kết luận" outgoing draft and the tasks made from the conclusions.
 */
import type { TaskInput } from '@vanphong/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';
import { shownDate, vnDay } from '../schedule/schedule.models.ts';
import { meetingErrors as E } from './meetings.errors.ts';
import { bodyName } from './meetings.models.ts';
import {
  audited,
  type By,
  type Ctx,
  type Db,
  forChange,
  lockMeeting,
  type MeetingRow,
} from './meetings.usecases.ts';
import { agendaOf, chairOf, withPosition } from './meetings.minutes.ts';

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
