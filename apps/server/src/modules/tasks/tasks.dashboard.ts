/**
 * Dashboards and printed outputs of task follow-up (issue 5 §6–7): counts by status per lead body with
 * the body ids (every figure can be checked with a COUNT in SQL), the trend by month of the due date,
 * the XLSX export of the list, the periodic report (DOCX, Party layout) and the urging letter (công văn
 * đôn đốc) that enters outgoing drafting. Every read goes through `visibleTo` (tasks.visibility.ts).
 */
import type { Dashboard, DashboardQuery, StatusCounts, TaskListQuery, TaskStatus } from '@vanphong/contracts';
import { TASK_STATUSES } from '@vanphong/contracts';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { taskReportQuery } from '@vanphong/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { vietnameseCollator } from '../../platform/text/fold.ts';
import type { Actor } from '../auth/auth.models.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { addCalendarDays, addWorkingDays, toVietnamDate, workingDaysBetween, type WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { bodyKeyOf, onTimeRate, parseBodyKey, statusCondition, statusOf, statusSql } from './tasks.models.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { applyListFilters, bodyNames, statusLabels } from './tasks.repository.ts';
import { taskViewer, visibleTo, type TaskViewer } from './tasks.visibility.ts';

type Db = Kysely<Database>;
export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock' | 'config'>;
export interface By {
  actor: Actor;
  audit: AuditContext;
}
type TaskQuery = SelectQueryBuilder<Database, 'tasks', object>;
type TaskEb = ExpressionBuilder<Database, 'tasks'>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const todayOf = (ctx: Pick<Ctx, 'clock'>) => toVietnamDate(ctx.clock.now());

const zero = (): StatusCounts => ({ not_due: 0, in_progress: 0, done_on_time: 0, done_late: 0, overdue: 0 });
const sum = (c: StatusCounts) => c.not_due + c.in_progress + c.done_on_time + c.done_late + c.overdue;

export async function viewerOrDeny(db: Db, actor: Actor): Promise<TaskViewer> {
  const v = await taskViewer(db, actor);
  if (!v) {
    throw forbidden();
  }
  return v;
}

/* ---------------------------------------------------------------- scope */

export interface CommitteeRow {
  id: number;
  name: string;
  parent_id: number | null;
  superior_line: string;
  place_name: string;
  abbreviation: string;
  numbering_rule: string;
}

/** The committee whose assigned tasks are counted: the one asked for, else the caller's scope committee. */
export async function committeeFor(db: Db, actor: Actor, committeeId: number | undefined): Promise<CommitteeRow> {
  const id = committeeId ?? actor.scopeCommitteeId;
  if (id === undefined || id === null) {
    throw badRequest('tasks.committee_required', 'Choose the committee whose tasks to count', [{ path: 'committeeId', message: 'required for an installation-wide account' }]);
  }
  const c = await db
    .selectFrom('committees')
    .select(['id', 'name', 'parent_id', 'superior_line', 'place_name', 'abbreviation', 'numbering_rule'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) {
    throw notFound('committee');
  }
  return c;
}

/**
 * Tasks assigned by the committee (or one of its agencies), visible to the viewer, as disjoint parts,
 * each one a range of the covering index `tasks_dashboard` (migration 0013): the top-level tasks; with
 * `subtasks`, also the sub-tasks of the trees the committee started, whoever split them — those are
 * assigned by bodies of the committee's subtree (a sub-task's assigner is its parent's lead), so the
 * index's first column still narrows them.
 */
async function assignedBy(db: Db, viewer: TaskViewer, committeeId: number, subtasks: boolean): Promise<TaskQuery[]> {
  const visible = db.selectFrom('tasks').where((eb) => visibleTo(eb, viewer)) as unknown as TaskQuery;
  const top = visible.where('tasks.assigner_committee_id', '=', committeeId).where('tasks.parent_id', 'is', null);
  if (!subtasks) {
    return [top];
  }
  const agencies = await db.selectFrom('agencies').select('id').where('committee_id', '=', committeeId).execute();
  const keys = [bodyKeyOf(committeeId, null), ...agencies.map((a) => bodyKeyOf(committeeId, a.id))];
  const subtree = await committeeSubtreeIds(db, committeeId);
  return [
    top,
    visible
      .where('tasks.assigner_committee_id', 'in', subtree)
      .where('tasks.parent_id', 'is not', null)
      .where((eb) => eb.or([eb('tasks.assigner_committee_id', '=', committeeId), eb('tasks.root_assigner_key', 'in', keys)])),
  ];
}

/** The counts of every part, one after the other (the parts are disjoint). */
async function countParts(parts: TaskQuery[], today: string, narrow: (q: TaskQuery) => TaskQuery = (q) => q): Promise<LeadDueCounts[]> {
  const out: LeadDueCounts[] = [];
  for (const p of parts) {
    out.push(...(await countsByLeadAndDue(narrow(p), today)));
  }
  return out;
}

/* ---------------------------------------------------------------- counts */

export interface UnitCounts {
  key: string;
  committeeId: number;
  agencyId: number | null;
  counts: StatusCounts;
}

/** Counts by status of one lead body for one due date. */
export interface LeadDueCounts extends UnitCounts {
  dueOn: string;
}

/**
 * One GROUP BY over the tasks: per lead body and due date, how many tasks, how many completed, how many
 * completed after the due date, how many not completed with a progress report. Inside a group every task
 * has the same due date, so those four numbers give the counts of each status by the model's own rule
 * (`statusOf`, the TypeScript twin of `statusSql`), applied to the group's due date. Grouping by the due
 * date also gives the units (summed over the dates) and the trend by month (summed over the bodies) from
 * one pass, which streams over the covering index of migration 0013. (Five `sum(case when
 * statusCondition …)` columns gave the same figures for ~30 % more CPU at 200,000 tasks.)
 */
export async function countsByLeadAndDue(base: TaskQuery, today: string): Promise<LeadDueCounts[]> {
  const rows = await base
    .select((eb) => [
      'tasks.lead_key as lead_key',
      'tasks.lead_committee_id as lead_committee_id',
      'tasks.lead_agency_id as lead_agency_id',
      'tasks.due_on as due_on',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.count<number | string>('tasks.completed_on').as('done'),
      sql<number | string>`sum(case when tasks.completed_on > tasks.due_on then 1 else 0 end)`.as('late'),
      sql<number | string>`sum(case when tasks.completed_on is null and tasks.last_progress_on is not null then 1 else 0 end)`.as('progressing'),
    ])
    .groupBy(['tasks.lead_key', 'tasks.lead_committee_id', 'tasks.lead_agency_id', 'tasks.due_on'])
    .execute();
  return rows.map((r) => {
    const [n, done, late, progressing] = [Number(r.n), Number(r.done), Number(r.late ?? 0), Number(r.progressing ?? 0)];
    const counts = zero();
    const dueOn = r.due_on;
    counts[statusOf({ dueOn, completedOn: dueOn, lastProgressOn: dueOn }, today)] += done - late;
    counts[statusOf({ dueOn, completedOn: '9999-12-31', lastProgressOn: dueOn }, today)] += late;
    counts[statusOf({ dueOn, completedOn: null, lastProgressOn: dueOn }, today)] += progressing;
    counts[statusOf({ dueOn, completedOn: null, lastProgressOn: null }, today)] += n - done - progressing;
    return { key: r.lead_key, committeeId: r.lead_committee_id, agencyId: r.lead_agency_id, dueOn, counts };
  });
}

/** Sums the per-date counts by lead body. */
export function byLead(rows: LeadDueCounts[]): UnitCounts[] {
  const byKey = new Map<string, UnitCounts>();
  for (const r of rows) {
    let u = byKey.get(r.key);
    if (!u) {
      u = { key: r.key, committeeId: r.committeeId, agencyId: r.agencyId, counts: zero() };
      byKey.set(r.key, u);
    }
    for (const s of TASK_STATUSES) {
      u.counts[s] += r.counts[s];
    }
  }
  return [...byKey.values()];
}

export interface UnitRow extends UnitCounts {
  name: string;
  kind: 'agency' | 'committee';
  total: number;
  onTimeRate: number | null;
}

/** Agencies of the assigning committee first, then the committees, each by name. */
export async function unitRows(db: Db, counts: UnitCounts[], committeeId: number): Promise<UnitRow[]> {
  const names = await bodyNames(
    db,
    counts.map((u) => u.key),
  );
  const rank = (u: UnitCounts) => (u.agencyId !== null && u.committeeId === committeeId ? 0 : u.agencyId === null && u.committeeId === committeeId ? 1 : u.agencyId === null ? 2 : 3);
  return counts
    .map((u) => ({
      ...u,
      name: names.get(u.key) ?? u.key,
      kind: (u.agencyId === null ? 'committee' : 'agency') as 'agency' | 'committee',
      total: sum(u.counts),
      onTimeRate: onTimeRate(u.counts),
    }))
    .sort((a, b) => rank(a) - rank(b) || vietnameseCollator.compare(a.name, b.name) || a.key.localeCompare(b.key));
}

export function totalsOf(units: { counts: StatusCounts }[]): StatusCounts {
  const t = zero();
  for (const u of units) {
    for (const s of TASK_STATUSES) {
      t[s] += u.counts[s];
    }
  }
  return t;
}

/** The first day of the month `back` months before the month of `date`. */
export function monthStart(date: string, back: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - back;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

const monthEnd = (date: string): string => addCalendarDays(monthStart(date, -1), -1);

/**
 * `GET /api/tasks/dashboard`: counts by status per lead body (one GROUP BY), totals, the on-time rate,
 * and the last 12 months by month of the due date (how the tasks that came due ended).
 */
export async function dashboard(ctx: Ctx, actor: Actor, q: DashboardQuery): Promise<Dashboard> {
  const db = ctx.db;
  const viewer = await viewerOrDeny(db, actor);
  const committee = await committeeFor(db, actor, q.committeeId);
  const today = todayOf(ctx);
  if (q.from && q.to && q.from > q.to) {
    throw badRequest('tasks.invalid_range', 'The end date is before the start date', [{ path: 'to', message: `${q.to} is before ${q.from}` }]);
  }
  const parts = await assignedBy(db, viewer, committee.id, q.subtasks === 'true');
  const rows = await countParts(parts, today, (p) => {
    let b = p;
    if (q.from) {
      b = b.where('tasks.assigned_on', '>=', q.from);
    }
    if (q.to) {
      b = b.where('tasks.assigned_on', '<=', q.to);
    }
    return b;
  });
  const units = await unitRows(db, byLead(rows), committee.id);
  const totals = totalsOf(units);

  const first = monthStart(today, 11);
  const last = monthEnd(today);
  const trend = Array.from({ length: 12 }, (_, i) => ({ month: monthStart(today, 11 - i).slice(0, 7), done_on_time: 0, done_late: 0, overdue: 0 }));
  const byMonth = new Map(trend.map((m) => [m.month, m]));
  for (const r of rows) {
    const m = r.dueOn >= first && r.dueOn <= last ? byMonth.get(r.dueOn.slice(0, 7)) : undefined;
    if (m) {
      m.done_on_time += r.counts.done_on_time;
      m.done_late += r.counts.done_late;
      m.overdue += r.counts.overdue;
    }
  }
  return {
    asOf: today,
    committeeId: committee.id,
    totals,
    onTimeRate: onTimeRate(totals),
    units: units.map((u) => ({
      key: u.key,
      committeeId: u.committeeId,
      agencyId: u.agencyId,
      name: u.name,
      kind: u.kind,
      counts: u.counts,
      total: u.total,
      onTimeRate: u.onTimeRate,
    })),
    trend,
  };
}

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
const docxRenderer = () => import('./tasks.report-docx.ts');

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

/* ---------------------------------------------------------------- periodic report */

export type TaskReportQuery = z.infer<typeof taskReportQuery>;

export interface ReportPeriod {
  from: string;
  to: string;
  /** "tháng 11 năm 2026", "quý IV năm 2026", "năm 2026". */
  label: string;
  /** "tháng", "quý", "năm" for the title. */
  noun: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function reportPeriod(q: Pick<TaskReportQuery, 'period' | 'year' | 'index'>): ReportPeriod {
  const y = q.year;
  if (q.period === 'year') {
    return { from: `${y}-01-01`, to: `${y}-12-31`, label: `năm ${y}`, noun: 'năm' };
  }
  if (q.period === 'quarter') {
    if (q.index > 4) {
      throw badRequest('tasks.invalid_period', 'A quarter is 1 to 4', [{ path: 'index', message: 'expected 1–4 for a quarter' }]);
    }
    const m = (q.index - 1) * 3 + 1;
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    return { from, to: monthEnd(monthStart(from, -2)), label: `quý ${ROMAN[q.index - 1]} năm ${y}`, noun: 'quý' };
  }
  const from = `${y}-${String(q.index).padStart(2, '0')}-01`;
  return { from, to: monthEnd(from), label: `tháng ${q.index} năm ${y}`, noun: 'tháng' };
}

export interface TaskReport {
  committee: CommitteeRow;
  period: ReportPeriod;
  today: string;
  /** Tasks due in the period (top-level, assigned by the committee) by lead body, status as of today. */
  units: UnitRow[];
  totals: StatusCounts;
  onTimeRate: number | null;
  /** Tasks assigned in the period. */
  assignedInPeriod: number;
  /** Every task due by the end of the period and still not done today, most late first (at most REPORT_OVERDUE_LIMIT). */
  overdue: (TaskRow & { leadName: string })[];
  /** How many such tasks there are, listed or not. */
  overdueTotal: number;
  labels: Record<TaskStatus, string>;
}

export const REPORT_OVERDUE_LIMIT = 200;

/**
 * The committee's official report is written by those who act for the committee (its office or its
 * leaders: viewer.units holds "c<id>") or by the inspection role with the committee in its scope — not by
 * anyone who sees some of its tasks (their figures would be a subset printed under the committee's name).
 */
export function mayReportFor(viewer: TaskViewer, committeeId: number): boolean {
  return viewer.units.includes(bodyKeyOf(committeeId, null)) || (viewer.inspector && (viewer.committeeIds === null || viewer.committeeIds.includes(committeeId)));
}

export async function taskReport(ctx: Ctx, actor: Actor, q: TaskReportQuery, { overdueLimit = REPORT_OVERDUE_LIMIT }: { overdueLimit?: number } = {}): Promise<TaskReport> {
  const db = ctx.db;
  const viewer = await viewerOrDeny(db, actor);
  const committee = await committeeFor(db, actor, q.committeeId);
  if (!mayReportFor(viewer, committee.id)) {
    throw forbidden('tasks.forbidden', `Báo cáo của ${committee.name} do văn phòng, lãnh đạo cấp ủy hoặc cơ quan kiểm tra lập (the committee's report is made by its office, its leaders or the inspection role)`);
  }
  const today = todayOf(ctx);
  const period = reportPeriod(q);
  const base = async () => (await assignedBy(db, viewer, committee.id, false))[0]!;
  const units = await unitRows(
    db,
    byLead(await countsByLeadAndDue((await base()).where('tasks.due_on', '>=', period.from).where('tasks.due_on', '<=', period.to), today)),
    committee.id,
  );
  const totals = totalsOf(units);
  const assigned = await (await base())
    .where('tasks.assigned_on', '>=', period.from)
    .where('tasks.assigned_on', '<=', period.to)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const overdueQ = (await base()).where('tasks.due_on', '<=', period.to).where(() => statusCondition('overdue', today) as unknown as Expression<SqlBool>);
  const overdueRows = await loadRows(db, overdueQ, today, 'due_asc', overdueLimit);
  const overdueTotal =
    overdueRows.length < overdueLimit
      ? overdueRows.length
      : Number((await overdueQ.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const names = await bodyNames(
    db,
    overdueRows.map((r) => r.leadKey),
  );
  return {
    committee,
    period,
    today,
    units,
    totals,
    onTimeRate: onTimeRate(totals),
    assignedInPeriod: Number(assigned.n),
    overdue: overdueRows.map((r) => ({ ...r, leadName: names.get(r.leadKey) ?? r.leadKey })),
    overdueTotal,
    labels: await statusLabels(db),
  };
}

/** `GET /api/tasks/report.docx`: the periodic report in the Party layout; audited. */
export async function exportTaskReport(ctx: Ctx, by: By, q: TaskReportQuery): Promise<OutputFile> {
  const report = await taskReport(ctx, by.actor, q);
  const bytes = await (await docxRenderer()).renderTaskReportDocx(report);
  await inTransaction(ctx, (trx) =>
    recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
      {
        action: 'tasks.report_exported',
        entityType: 'task_report',
        entityId: `c${report.committee.id}`,
        details: { format: 'docx', period: q.period, year: q.year, index: q.index, from: report.period.from, to: report.period.to, tasks: sum(report.totals) },
      },
    ),
  );
  return {
    bytes,
    fileName: `Báo cáo tình hình thực hiện nhiệm vụ ${report.period.from} ${report.period.to}.docx`,
    contentType: DOCX_TYPE,
  };
}

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
