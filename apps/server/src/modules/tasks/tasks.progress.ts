/**
 * The life of an assigned task (issue 5 §4): the lead body reports progress (with files) and asks for
 * extensions; the assigner decides on them and evaluates the result (đạt / chưa đạt), which closes the
 * task. Each step is one transaction with its history row and audit event; bad input writes nothing.
 */
import type { TaskCadence, evaluationInput, extensionDecisionInput, extensionInput, progressInput } from '@vanphong/contracts';
import type { z } from 'zod';
import { indexRecords } from '../search/search.index.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction, type Trx } from '../../platform/context.ts';
import { addCalendarDays } from '../calendar/calendar.workdays.ts';
import { ATTACHMENT_TYPES } from '../incoming/incoming.models.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { taskErrors as E } from './tasks.errors.ts';
import { dueOnFor, periodEndOnOrAfter } from './tasks.models.ts';
import { mayAttachFiles } from './tasks.policies.ts';
import * as repo from './tasks.repository.ts';
import { audited, calendarFor, loadVisible, lockTask, MAX_COMPLETION_BACKDATE_DAYS, mustManage, todayOf, viewerOrDeny, type By, type Ctx } from './tasks.usecases.ts';
import type { TaskViewer } from './tasks.visibility.ts';

/** Files a progress report may carry: PDF, Word, images, and spreadsheets (figures of a report). */
export const PROGRESS_FILE_TYPES = new Set([...ATTACHMENT_TYPES, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);

type Role = 'lead' | 'assigner';

/** The visible task (404), a manager (403), acting for the right body (403), in the right state (409). */
async function taskFor(ctx: Ctx, trx: Trx, by: By, viewer: TaskViewer, id: number, role: Role, action: string, states: string[]): Promise<repo.TaskRow> {
  await lockTask(ctx, trx, id);
  const { task } = await loadVisible(trx, viewer, id);
  mustManage(by.actor);
  const key = role === 'lead' ? task.lead_key : task.assigner_key;
  if (!viewer.units.includes(key)) {
    throw E.forbidden(role === 'lead' ? 'Only the lead body may do this' : 'Only the assigning body may do this');
  }
  if (!states.includes(task.state)) {
    throw E.invalidState(action, task.state);
  }
  return task;
}

const nextDay = (d: string) => addCalendarDays(d, 1);

/** A task is reported done, or evaluated met, only once each of its sub-tasks is reported done or closed. */
async function checkSubtasksDone(trx: Trx, id: number): Promise<void> {
  const open = await trx.selectFrom('tasks').select('id').where('parent_id', '=', id).where('state', 'not in', ['reported_done', 'closed']).executeTakeFirst();
  if (open) {
    throw E.openSubtasks();
  }
}

/* ---------------------------------------------------------------- progress */

export async function reportProgress(ctx: Ctx, by: By, id: number, input: z.infer<typeof progressInput>): Promise<void> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  await inTransaction(ctx, async (trx) => {
    const task = await taskFor(ctx, trx, by, viewer, id, 'lead', 'report progress', ['open']);
    const today = todayOf(ctx);
    if (input.completedOn !== undefined && !input.done) {
      throw E.field('completed_on_without_done', 'completedOn', 'A completion date goes with a report of completion');
    }
    const completedOn = input.done ? (input.completedOn ?? today) : null;
    if (completedOn !== null && completedOn > today) {
      throw E.field('completed_in_future', 'completedOn', 'The completion date is after today');
    }
    if (completedOn !== null && completedOn < task.assigned_on) {
      throw E.field('completed_before_assignment', 'completedOn', 'The completion date is before the assignment date');
    }
    if (completedOn !== null) {
      // A declared completion date is bounded: not before the last report (which said it was not done),
      // not more than 30 days back.
      const earliest = [task.last_progress_on ?? task.assigned_on, addCalendarDays(today, -MAX_COMPLETION_BACKDATE_DAYS)].reduce((a, b) => (a > b ? a : b));
      if (completedOn < earliest) {
        throw E.field('completed_too_early', 'completedOn', `The completion date cannot be before ${earliest} (the last progress report, or 30 days back)`);
      }
      await checkSubtasksDone(trx, id);
    }
    await checkFiles(ctx, trx, by, task, input.fileIds);

    // A standing task: the report closes the current period; the next one becomes due.
    let periodEnd: string | null = null;
    let dueOn = task.due_on;
    if (task.cadence !== null) {
      const cadence = task.cadence as TaskCadence;
      const last = await repo.lastReportedPeriodEnd(trx, id);
      periodEnd = periodEndOnOrAfter(cadence, last === null ? task.assigned_on : nextDay(last));
      if (!input.done) {
        const cal = await calendarFor(trx, task.assigned_on, addCalendarDays(periodEnd, 370));
        dueOn = dueOnFor({ deadline: null, cadence, assignedOn: task.assigned_on, lastReportedPeriodEnd: periodEnd }, cal);
      }
    }
    const now = ctx.clock.now().toISOString();
    const progress = await trx
      .insertInto('task_progress')
      .values({
        task_id: id,
        at: now,
        reported_on: today,
        actor_id: by.actor.userId,
        percent: input.done ? 100 : input.percent,
        note: input.note,
        done: input.done ? 1 : 0,
        period_end: periodEnd,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.fileIds.length > 0) {
      await trx
        .insertInto('task_progress_files')
        .values(input.fileIds.map((f) => ({ progress_id: progress.id, file_id: f })))
        .execute();
    }
    await trx
      .updateTable('tasks')
      .set({
        progress: input.done ? 100 : input.percent,
        last_progress_on: today,
        completed_on: completedOn,
        state: input.done ? 'reported_done' : 'open',
        due_on: dueOn,
        updated_at: now,
        version: task.version + 1,
      })
      .where('id', '=', id)
      .execute();
    const details = {
      progressId: progress.id,
      percent: input.done ? 100 : input.percent,
      done: input.done,
      completedOn,
      periodEnd,
      dueOn,
      fileIds: input.fileIds,
    };
    await repo.insertEvent(trx, { task_id: id, at: now, actor_id: by.actor.userId, action: 'progress_reported', details });
    await recordAudit(audited(ctx, trx, by), { action: 'tasks.progress_reported', entityType: 'task', entityId: id, details });
    // The one search (issue 7) follows the task in the same transaction.
    await indexRecords(trx, ctx.dialect, 'task', [id], ctx.clock.now());
  });
}

/** Files the actor uploaded, not yet attached elsewhere, of an accepted kind; none on a secret task off the isolated LAN. */
async function checkFiles(ctx: Ctx, trx: Trx, by: By, task: repo.TaskRow, ids: number[]): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  if (new Set(ids).size !== ids.length) {
    throw E.field('duplicate_file', 'fileIds', 'The same file is attached twice');
  }
  const settings = await getSettings(trx);
  if (!mayAttachFiles({ secrecy: task.secrecy, deploymentProfile: settings.deploymentProfile })) {
    throw E.field('secret_files_refused', 'fileIds', 'On a networked deployment a secret task is tracked without files: its content stays on paper');
  }
  // Two reports racing for the same upload (on different tasks): one waits for the other's commit.
  for (const fileId of [...ids].sort((a, b) => a - b)) {
    await ctx.dialect.lockKey(trx, `tasks.file:${fileId}`);
  }
  const files = await trx.selectFrom('files').select(['id', 'created_by', 'content_type', 'encryption']).where('id', 'in', ids).execute();
  const byId = new Map(files.map((f) => [f.id, f]));
  // A file belongs to one record: attached again, it would be served under this task's rules and
  // outside the audit of the document it came with.
  const taken = new Set<number>([
    ...(await trx.selectFrom('task_progress_files').select('file_id').where('file_id', 'in', ids).execute()).map((r) => r.file_id),
    ...(await trx.selectFrom('incoming_attachments').select('file_id').where('file_id', 'in', ids).execute()).map((r) => r.file_id),
    ...(await trx.selectFrom('outgoing_versions').select('file_id').where('file_id', 'in', ids).execute()).map((r) => r.file_id as number),
    ...(
      await trx
        .selectFrom('outgoing_documents')
        .select(['docx_file_id', 'pdf_file_id'])
        .where((eb) => eb.or([eb('docx_file_id', 'in', ids), eb('pdf_file_id', 'in', ids)]))
        .execute()
    ).flatMap((r) => [r.docx_file_id, r.pdf_file_id].filter((x): x is number => x !== null)),
  ]);
  ids.forEach((fileId, i) => {
    const f = byId.get(fileId);
    if (!f || f.created_by !== by.actor.userId) {
      throw E.field('unknown_file', `fileIds.${i}`, 'No such uploaded file');
    }
    if (taken.has(fileId)) {
      throw E.field('file_already_attached', `fileIds.${i}`, 'This file is attached elsewhere; upload it again');
    }
    if (!PROGRESS_FILE_TYPES.has(f.content_type)) {
      throw E.field('file_type', `fileIds.${i}`, 'Files are PDF, Word, Excel documents or images');
    }
    if (task.secrecy !== 'none' && f.encryption === null) {
      throw E.field('file_not_encrypted', `fileIds.${i}`, 'Secret content must be stored encrypted');
    }
  });
}

/* ---------------------------------------------------------------- extensions */

export async function requestExtension(ctx: Ctx, by: By, id: number, input: z.infer<typeof extensionInput>): Promise<number> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  return inTransaction(ctx, async (trx) => {
    const task = await taskFor(ctx, trx, by, viewer, id, 'lead', 'request an extension', ['open']);
    if (task.deadline === null) {
      throw E.field('standing_task', 'requestedDeadline', 'A standing task has reporting periods, not a deadline to extend');
    }
    if (await repo.hasPendingExtension(trx, id)) {
      throw E.invalidState('request another extension while one is pending', task.state);
    }
    if (input.requestedDeadline <= task.deadline) {
      throw E.field('extension_not_later', 'requestedDeadline', `The new deadline must be after the current one (${task.deadline})`);
    }
    await checkAgainstParent(trx, task, input.requestedDeadline);
    const now = ctx.clock.now().toISOString();
    const ext = await trx
      .insertInto('task_extensions')
      .values({
        task_id: id,
        requested_by: by.actor.userId,
        requested_at: now,
        requested_deadline: input.requestedDeadline,
        reason: input.reason,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        comment: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const details = { extensionId: ext.id, requestedDeadline: input.requestedDeadline, currentDeadline: task.deadline, reason: input.reason };
    await repo.insertEvent(trx, { task_id: id, at: now, actor_id: by.actor.userId, action: 'extension_requested', details });
    await recordAudit(audited(ctx, trx, by), { action: 'tasks.extension_requested', entityType: 'task', entityId: id, details });
    return ext.id;
  });
}

/** A sub-task cannot run past its parent's due date. */
async function checkAgainstParent(trx: Trx, task: repo.TaskRow, deadline: string): Promise<void> {
  if (task.parent_id === null) {
    return;
  }
  const parent = await repo.loadTask(trx, task.parent_id);
  if (parent && deadline > parent.due_on) {
    throw E.rule('extension_past_parent', 'requestedDeadline', `A sub-task cannot be extended past its parent task's due date (${parent.due_on})`);
  }
}

export async function decideExtension(ctx: Ctx, by: By, id: number, extensionId: number, input: z.infer<typeof extensionDecisionInput>): Promise<void> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  await inTransaction(ctx, async (trx) => {
    const task = await taskFor(ctx, trx, by, viewer, id, 'assigner', 'decide on an extension', ['open']);
    const ext = await trx.selectFrom('task_extensions').selectAll().where('id', '=', extensionId).where('task_id', '=', id).executeTakeFirst();
    if (!ext) {
      throw E.notFound();
    }
    if (ext.status !== 'pending') {
      throw E.invalidState('decide on an extension already decided', ext.status);
    }
    const now = ctx.clock.now().toISOString();
    let dueOn = task.due_on;
    if (input.granted) {
      await checkAgainstParent(trx, task, ext.requested_deadline);
      const cal = await calendarFor(trx, task.assigned_on, ext.requested_deadline);
      dueOn = dueOnFor({ deadline: ext.requested_deadline, cadence: null, assignedOn: task.assigned_on, lastReportedPeriodEnd: null }, cal);
      await trx
        .updateTable('tasks')
        .set({ deadline: ext.requested_deadline, due_on: dueOn, updated_at: now, version: task.version + 1 })
        .where('id', '=', id)
        .execute();
    }
    await trx
      .updateTable('task_extensions')
      .set({ status: input.granted ? 'granted' : 'refused', decided_by: by.actor.userId, decided_at: now, comment: input.comment })
      .where('id', '=', extensionId)
      .execute();
    const details = {
      extensionId,
      granted: input.granted,
      requestedDeadline: ext.requested_deadline,
      previousDeadline: task.deadline,
      dueOn,
      comment: input.comment,
    };
    await repo.insertEvent(trx, { task_id: id, at: now, actor_id: by.actor.userId, action: 'extension_decided', details });
    await recordAudit(audited(ctx, trx, by), { action: 'tasks.extension_decided', entityType: 'task', entityId: id, details });
    // The one search (issue 7) follows the task in the same transaction.
    await indexRecords(trx, ctx.dialect, 'task', [id], ctx.clock.now());
  });
}

/* ---------------------------------------------------------------- evaluation */

/**
 * Đạt / chưa đạt with a comment, by the assigner, once the lead reported completion. Đạt closes the task;
 * chưa đạt gives it back to the lead body ("giao thực hiện tiếp"): open again, its completion date cleared,
 * so its status follows the dates again (a task judged not done is not "done on time").
 */
export async function evaluateTask(ctx: Ctx, by: By, id: number, input: z.infer<typeof evaluationInput>): Promise<void> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  await inTransaction(ctx, async (trx) => {
    const task = await taskFor(ctx, trx, by, viewer, id, 'assigner', 'evaluate', ['reported_done']);
    const met = input.result === 'met';
    if (met) {
      await checkSubtasksDone(trx, id);
    }
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('tasks')
      .set({
        evaluation: input.result,
        evaluation_comment: input.comment,
        evaluated_by: by.actor.userId,
        evaluated_at: now,
        state: met ? 'closed' : 'open',
        ...(met ? {} : { completed_on: null }),
        updated_at: now,
        version: task.version + 1,
      })
      .where('id', '=', id)
      .execute();
    const details = { result: input.result, comment: input.comment, completedOn: task.completed_on, reopened: !met };
    await repo.insertEvent(trx, { task_id: id, at: now, actor_id: by.actor.userId, action: 'evaluated', details });
    await recordAudit(audited(ctx, trx, by), { action: 'tasks.evaluated', entityType: 'task', entityId: id, details });
    // The one search (issue 7) follows the task in the same transaction.
    await indexRecords(trx, ctx.dialect, 'task', [id], ctx.clock.now());
  });
}

/* ---------------------------------------------------------------- files */

/** A file of a progress report of a visible task (404 otherwise); reading a secret task's file is audited. */
export async function progressFile(ctx: Ctx, by: By, id: number, fileId: number): Promise<void> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  const { task } = await loadVisible(ctx.db, viewer, id);
  const link = await ctx.db
    .selectFrom('task_progress_files as pf')
    .innerJoin('task_progress as p', 'p.id', 'pf.progress_id')
    .select('pf.file_id')
    .where('p.task_id', '=', id)
    .where('pf.file_id', '=', fileId)
    .executeTakeFirst();
  if (!link) {
    throw E.fileNotFound();
  }
  if (task.secrecy !== 'none') {
    const settings = await getSettings(ctx.db);
    if (!mayAttachFiles({ secrecy: task.secrecy, deploymentProfile: settings.deploymentProfile })) {
      // Content kept from an isolated-LAN period is not served once the installation is networked.
      throw E.fileNotFound();
    }
    await inTransaction(ctx, (trx) =>
      recordAudit(audited(ctx, trx, by), { action: 'tasks.file_read', entityType: 'task', entityId: id, details: { fileId, secrecy: task.secrecy } }),
    );
  }
}
