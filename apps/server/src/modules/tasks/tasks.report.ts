/**
 * The periodic report of task follow-up (issue 5 §7): a month, quarter or year of the committee's
 * tasks, printed as DOCX in the Party layout by tasks.report-docx.ts. Every read goes through
 * `visibleTo` (tasks.visibility.ts).
 */
import type { StatusCounts, TaskStatus } from '@vanphong/contracts';
import type { Expression, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { taskReportQuery } from '@vanphong/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../auth/auth.models.ts';
import { bodyKeyOf, onTimeRate, statusCondition } from './tasks.models.ts';
import {
  assignedBy,
  byLead,
  committeeFor,
  countsByLeadAndDue,
  monthEnd,
  monthStart,
  sum,
  todayOf,
  totalsOf,
  unitRows,
  viewerOrDeny,
  type By,
  type CommitteeRow,
  type Ctx,
  type UnitRow,
} from './tasks.dashboard.ts';
import { loadRows, type OutputFile, type TaskRow } from './tasks.export.ts';
import { bodyNames, statusLabels } from './tasks.repository.ts';
import type { TaskViewer } from './tasks.visibility.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const docxRenderer = () => import('./tasks.report-docx.ts');

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
