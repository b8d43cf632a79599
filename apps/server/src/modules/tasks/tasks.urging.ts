/**
 * The urging letter of task follow-up (issue 5 §7): a công văn đôn đốc listing a body's overdue tasks,
 * created as an outgoing draft through the outgoing module's own use case. Every read goes through
 * `visibleTo` (tasks.visibility.ts).
 */
import type { Expression, Kysely, SqlBool } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../auth/auth.models.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { addCalendarDays, addWorkingDays } from '../calendar/calendar.workdays.ts';
import { bodyKeyOf, parseBodyKey, statusCondition } from './tasks.models.ts';
import { committeeFor, todayOf, viewerOrDeny, type By, type Ctx, type TaskEb, type TaskQuery } from './tasks.dashboard.ts';
import { loadRows } from './tasks.export.ts';
import { bodyNames } from './tasks.repository.ts';
import { visibleTo } from './tasks.visibility.ts';

type Db = Kysely<Database>;

/* ---------------------------------------------------------------- urging letter */

export const URGING_SUMMARY = 'V/v đôn đốc thực hiện nhiệm vụ';
/** Tasks listed in one letter at most (the oldest deadlines first). */
export const URGING_LIMIT = 100;

const vn = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/**
 * The body the letter is issued in the name of: the assigner of the listed tasks that the caller acts
 * for — an agency (a board that assigned or split the tasks, or the office itself) in its own name; a
 * committee through its office (Văn phòng), else the committee itself.
 */
async function urgingIssuer(db: Db, assignerKeys: string[]): Promise<{ committeeId: number; agencyId: number | null }> {
  const bodies = assignerKeys.map(parseBodyKey).filter((k): k is { committeeId: number; agencyId: number | null } => k !== null);
  const agency = bodies.find((k) => k.agencyId !== null);
  if (agency) {
    return agency;
  }
  const committee = bodies[0]!;
  const office = await db
    .selectFrom('agencies')
    .select('id')
    .where('committee_id', '=', committee.committeeId)
    .where('kind', '=', 'office')
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  return { committeeId: committee.committeeId, agencyId: office?.id ?? null };
}

/**
 * `POST /api/tasks/urging-letter`: a công văn đôn đốc listing the body's overdue tasks that the caller's
 * own body assigned (assigner_key, or root_assigner_key for the sub-tasks of its trees, among the bodies
 * the caller acts for), issued in that assigner body's name (a committee through its office) and created
 * as an outgoing draft through the outgoing module's own use case; the audit event `tasks.urged` and one
 * history row per listed task are written in the draft's transaction. Seeing a task (as a co-body, the
 * lead itself, the person who entered it) gives no right to urge it: 403 when the body has overdue tasks
 * the caller sees but none it assigned; 422 when none is overdue. Secret tasks are not written into the
 * letter's text (it is an ordinary document): they are counted and left to a paper letter.
 */
export async function createUrgingLetter(ctx: Ctx, by: By, input: { body: string; committeeId?: number }): Promise<{ outgoingId: number; tasks: number }> {
  const db = ctx.db;
  const { actor } = by;
  const viewer = await viewerOrDeny(db, actor);
  if (!actor.permissions.has('tasks.manage')) {
    throw forbidden('tasks.forbidden', 'Only those who manage tasks write urging letters');
  }
  const target = parseBodyKey(input.body);
  const targetName = target && (await bodyNames(db, [input.body])).get(input.body);
  if (!target || !targetName) {
    throw new AppError({ code: 'tasks.unknown_body', status: 422, message: 'No such body', details: [{ path: 'body', message: 'not in the directory' }] });
  }
  const committee = await committeeFor(db, actor, input.committeeId);
  const today = todayOf(ctx);
  const overdueQ = (db.selectFrom('tasks').where((eb: TaskEb) => visibleTo(eb, viewer)) as unknown as TaskQuery)
    .where('tasks.assigner_committee_id', '=', committee.id)
    .where('tasks.lead_key', '=', input.body)
    .where(() => statusCondition('overdue', today) as unknown as Expression<SqlBool>);
  const units = viewer.units;
  const all =
    units.length === 0
      ? []
      : await loadRows(
          db,
          overdueQ.where((eb) => eb.or([eb('tasks.assigner_key', 'in', units), eb('tasks.root_assigner_key', 'in', units)])),
          today,
          'due_asc',
          URGING_LIMIT,
        );
  if (all.length === 0 && (await overdueQ.select('tasks.id').limit(1).executeTakeFirst())) {
    throw forbidden('tasks.forbidden', `${targetName} có nhiệm vụ quá hạn nhưng không do đơn vị của bạn giao: chỉ đơn vị giao mới đôn đốc (only the assigning body urges)`);
  }
  const listed = all.filter((r) => r.secrecy === 'none');
  const secret = all.length - listed.length;
  if (listed.length === 0) {
    throw new AppError({
      code: 'tasks.nothing_overdue',
      status: 422,
      message:
        secret > 0
          ? `${targetName} chỉ có nhiệm vụ mật quá hạn: đôn đốc bằng văn bản giấy (only secret overdue tasks: urge them on paper)`
          : `${targetName} không có nhiệm vụ nào quá hạn (no overdue task of this body)`,
      details: [{ path: 'body', message: 'no overdue task' }],
    });
  }
  const issuer = await urgingIssuer(db, [...new Set(listed.map((r) => (units.includes(r.assignerKey) ? r.assignerKey : r.rootAssignerKey)))]);
  const issuerCommittee = await db.selectFrom('committees').select(['numbering_rule']).where('id', '=', issuer.committeeId).executeTakeFirstOrThrow();
  const family = issuerCommittee.numbering_rule === 'state_year' ? 'state' : 'party';
  const type = await db.selectFrom('document_types').select(['id']).where('name', '=', 'Công văn').where('family', '=', family).where('active', '=', 1).executeTakeFirst();
  if (!type) {
    throw new AppError({ code: 'tasks.no_letter_type', status: 422, message: 'The catalogue has no active "Công văn" type' });
  }
  const issuerKey = bodyKeyOf(issuer.committeeId, issuer.agencyId);
  const names = await bodyNames(db, [issuerKey, ...listed.map((r) => r.assignerKey)]);
  const issuerName = names.get(issuerKey) ?? issuerKey;
  const cal = await loadWorkingCalendar(db, { from: today, to: addCalendarDays(today, 60) });
  const reportBy = addWorkingDays(today, 5, cal);
  const lines = listed.map((r, i) => {
    const source = r.sourceReference.trim() || (r.sourceKind === 'ad_hoc' ? 'giao trực tiếp' : 'không ghi');
    return `${i + 1}. ${r.content.replace(/\s+/g, ' ').trim()} (nguồn: ${source}; hạn: ${vn(r.dueOn)}; chậm ${r.overdueDays} ngày làm việc).`;
  });
  const body = [
    `Theo dõi tình hình thực hiện nhiệm vụ được giao, đến ngày ${vn(today)}, ${targetName} còn ${listed.length} nhiệm vụ đã quá hạn nhưng chưa báo cáo hoàn thành, gồm:`,
    ...lines,
    ...(secret > 0 ? [`Ngoài ra còn ${secret} nhiệm vụ có độ mật quá hạn, được đôn đốc bằng văn bản riêng.`] : []),
    `${issuerName} đề nghị ${targetName} khẩn trương chỉ đạo hoàn thành các nhiệm vụ trên; báo cáo kết quả thực hiện (hoặc đề nghị gia hạn, nêu rõ lý do) về ${issuerName} trước ngày ${vn(reportBy)} để tổng hợp, báo cáo Thường trực.`,
  ].join('\n');
  // The letter is drafted on behalf of the task manager who asked for it: the outgoing draft use case
  // checks `outgoing.draft`, which managing tasks implies for this one letter.
  const drafter: Actor = { ...actor, permissions: new Set([...actor.permissions, 'outgoing.draft']) as Actor['permissions'] };
  const { createDraft } = await import('../outgoing/outgoing.drafts.ts');
  const ids = listed.map((r) => r.id);
  const { id } = await createDraft(
    ctx,
    { actor: drafter, audit: by.audit },
    {
      issuerCommitteeId: issuer.committeeId,
      issuerAgencyId: issuer.agencyId,
      documentTypeId: type.id,
      draftingAgencyId: actor.scopeAgencyId,
      secrecy: 'none',
      urgency: 'normal',
      copies: 1,
      congress: false,
      recipients: [{ committeeId: target.committeeId, agencyId: target.agencyId, organizationId: null }],
      content: { summary: URGING_SUMMARY, body, addressees: [targetName], extraRecipientLines: [] },
      paperLocation: '',
    },
    async (trx, outgoingId) => {
      const now = ctx.clock.now().toISOString();
      await trx
        .insertInto('task_events')
        .values(ids.map((taskId) => ({ task_id: taskId, at: now, actor_id: actor.userId, action: 'urged', details: JSON.stringify({ outgoingId, body: input.body }) })))
        .execute();
      await recordAudit(
        { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
        { action: 'tasks.urged', entityType: 'task_body', entityId: input.body, details: { outgoingId, committeeId: committee.id, issuer: issuerKey, taskIds: ids, secretNotListed: secret } },
      );
    },
  );
  return { outgoingId: id, tasks: ids.length };
}
