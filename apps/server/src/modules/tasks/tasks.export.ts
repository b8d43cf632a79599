/**
 * XLSX export of the task list (issue 5 §7) and the list rows it shares with the periodic report and
 * the urging letter. Every read goes through `visibleTo` (tasks.visibility.ts); tasks.export-xlsx.ts
 * renders the spreadsheet.
 */
import type { TaskListQuery, TaskStatus } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { workingDaysBetween, type WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { statusSql } from './tasks.models.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { todayOf, viewerOrDeny, type By, type Ctx, type TaskEb, type TaskQuery } from './tasks.dashboard.ts';
import { applyListFilters, bodyNames, statusLabels } from './tasks.repository.ts';
import { visibleTo } from './tasks.visibility.ts';

type Db = Kysely<Database>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/* ---------------------------------------------------------------- list rows (export, report, letter) */

export type ExportQuery = Omit<TaskListQuery, 'limit' | 'offset'>;

export interface TaskRow {
  id: number;
  parentId: number | null;
  content: string;
  sourceKind: string;
  sourceReference: string;
  assignerKey: string;
  rootAssignerKey: string;
  leadKey: string;
  coKeys: string[];
  assignedOn: string;
  deadline: string | null;
  cadence: string | null;
  dueOn: string;
  completedOn: string | null;
  progress: number;
  state: string;
  secrecy: string;
  status: TaskStatus;
  /** Working days past due (0 unless overdue). */
  overdueDays: number;
}

/** Rows of a filtered query, with their co-bodies and days late. */
export async function loadRows(db: Db, q: TaskQuery, today: string, order: 'due_asc' | 'due_desc' | 'assigned_desc', limit: number): Promise<TaskRow[]> {
  let ordered = q.select([
    'tasks.id',
    'tasks.parent_id',
    'tasks.content',
    'tasks.source_kind',
    'tasks.source_reference',
    'tasks.assigner_key',
    'tasks.root_assigner_key',
    'tasks.lead_key',
    'tasks.assigned_on',
    'tasks.deadline',
    'tasks.cadence',
    'tasks.due_on',
    'tasks.completed_on',
    'tasks.progress',
    'tasks.state',
    'tasks.secrecy',
    statusSql(today).as('status'),
  ]);
  ordered =
    order === 'due_desc'
      ? ordered.orderBy('tasks.due_on', 'desc').orderBy('tasks.id', 'desc')
      : order === 'assigned_desc'
        ? ordered.orderBy('tasks.assigned_on', 'desc').orderBy('tasks.id', 'desc')
        : ordered.orderBy('tasks.due_on', 'asc').orderBy('tasks.id', 'asc');
  const rows = await ordered.limit(limit).execute();
  const co = new Map<number, string[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const bodies = await db.selectFrom('task_bodies').select(['task_id', 'body_key']).where('task_id', 'in', ids).where('role', '!=', 'lead').orderBy('task_id').orderBy('body_key').execute();
    for (const b of bodies) {
      co.set(b.task_id, [...(co.get(b.task_id) ?? []), b.body_key]);
    }
  }
  const overdueDue = rows.filter((r) => r.status === 'overdue').map((r) => r.due_on);
  const cal: WorkingCalendar = overdueDue.length > 0 ? await loadWorkingCalendar(db, { from: overdueDue.reduce((a, b) => (a < b ? a : b)), to: today }) : { daysOff: new Set(), extraWorkdays: new Set() };
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    content: r.content,
    sourceKind: r.source_kind,
    sourceReference: r.source_reference,
    assignerKey: r.assigner_key,
    rootAssignerKey: r.root_assigner_key,
    leadKey: r.lead_key,
    coKeys: (co.get(r.id) ?? []).filter((k) => k !== r.lead_key),
    assignedOn: r.assigned_on,
    deadline: r.deadline,
    cadence: r.cadence,
    dueOn: r.due_on,
    completedOn: r.completed_on,
    progress: r.progress,
    state: r.state,
    secrecy: r.secrecy,
    status: r.status,
    overdueDays: r.status === 'overdue' ? Math.max(0, workingDaysBetween(r.due_on, today, cal)) : 0,
  }));
}

/* ---------------------------------------------------------------- export */

/** More rows than this: narrow the filters (a spreadsheet is read by people). */
export const EXPORT_LIMIT = 20_000;

export interface OutputFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

const xlsxRenderer = () => import('./tasks.export-xlsx.ts');

/** `GET /api/tasks/export.xlsx`: the visible tasks of the list's filters as a spreadsheet; audited. */
export async function exportTasks(ctx: Ctx, by: By, q: ExportQuery): Promise<OutputFile> {
  const db = ctx.db;
  const viewer = await viewerOrDeny(db, by.actor);
  const today = todayOf(ctx);
  const base = applyListFilters(db.selectFrom('tasks').where((eb: TaskEb) => visibleTo(eb, viewer)) as unknown as TaskQuery, viewer, q, today);
  const rows = await loadRows(db, base, today, q.sort ?? 'due_asc', EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT) {
    throw new AppError({
      code: 'tasks.export_too_large',
      status: 422,
      message: `Hơn ${EXPORT_LIMIT.toLocaleString('vi-VN')} nhiệm vụ: hãy thu hẹp bộ lọc (More than ${EXPORT_LIMIT} tasks: narrow the filters)`,
    });
  }
  const names = await bodyNames(
    db,
    rows.flatMap((r) => [r.assignerKey, r.leadKey, ...r.coKeys]),
  );
  const labels = await statusLabels(db);
  const committee = by.actor.scopeCommitteeId === null ? null : await db.selectFrom('committees').select(['name']).where('id', '=', by.actor.scopeCommitteeId).executeTakeFirst();
  // Spec §3: on a networked profile no secret content leaves in clear (the content of a secret task is
  // masked); on the isolated LAN the clearance holder's own export carries it. Either way each row shows
  // its secrecy and the audit event names the secret tasks that left.
  const maskSecret = (await getSettings(db)).deploymentProfile !== 'isolated-lan';
  const secretTaskIds = rows.filter((r) => r.secrecy !== 'none').map((r) => r.id);
  const bytes = await (await xlsxRenderer()).renderTaskListXlsx(rows, {
    names,
    labels,
    committeeName: committee?.name ?? null,
    today,
    generatedAt: ctx.clock.now(),
    filters: describeFilters(q, names, labels),
    maskSecret,
  });
  await inTransaction(ctx, (trx) =>
    recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
      {
        action: 'tasks.exported',
        entityType: 'task_list',
        entityId: null,
        details: { format: 'xlsx', rows: rows.length, filters: q, secretTaskIds, secretContent: secretTaskIds.length === 0 ? 'none' : maskSecret ? 'masked' : 'clear' },
      },
    ),
  );
  return { bytes, fileName: `Danh sách nhiệm vụ ${today}.xlsx`, contentType: XLSX_TYPE };
}

function describeFilters(q: ExportQuery, _names: Map<string, string>, labels: Record<TaskStatus, string>): string {
  const parts: string[] = [];
  if (q.status) {
    parts.push(`tình trạng: ${labels[q.status]}`);
  }
  if (q.dueFrom || q.dueTo) {
    const d = (s?: string) => (s ? `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}` : '…');
    parts.push(`hạn từ ${d(q.dueFrom)} đến ${d(q.dueTo)}`);
  }
  if (q.q) {
    parts.push(`có chữ “${q.q}”`);
  }
  return parts.join('; ');
}

